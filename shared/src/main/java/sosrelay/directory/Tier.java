package sosrelay.directory;

import java.time.Duration;
import java.util.List;

/**
 * A group of people notified together.
 *
 * @param escalateAfter how long the tier has to gather {@code required} acknowledgements before the next tier is notified
 * @param required      how many acknowledgements are enough ("two doctors must confirm")
 */
public record Tier(List<String> personIds, Duration escalateAfter, int required) {
    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(5);
}
