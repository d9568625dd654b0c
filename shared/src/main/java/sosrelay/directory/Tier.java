package sosrelay.directory;

import java.time.Duration;
import java.util.List;

/**
 * A group notified together.
 *
 * @param notifyIds     person ids and roster ids; a roster is asked who is on duty when the tier is notified
 * @param escalateAfter how long the tier has to gather {@code required} acknowledgements before the next tier is notified
 * @param required      how many acknowledgements are enough ("two doctors must confirm")
 */
public record Tier(List<String> notifyIds, Duration escalateAfter, int required) {
    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(5);
}
