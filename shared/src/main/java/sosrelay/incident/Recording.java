package sosrelay.incident;

import java.time.Instant;

/**
 * The caller's recording. {@code url} is set only when it passed the allow-list; {@code note} says
 * why a URL was refused or a time guessed.
 */
public record Recording(String url, Instant availableAt, String note) {
    public static final Recording NONE = new Recording(null, null, null);
}
