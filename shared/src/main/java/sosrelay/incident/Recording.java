package sosrelay.incident;

import java.time.Instant;

/**
 * The caller's recording. {@code url} is set only when it passed the allow-list; {@code note} says
 * why a URL was refused or a time guessed; {@code copyKey} is our copy's key in the recordings bucket,
 * once the recording was fetched (Exotel's URL itself plays for nobody without the account's credentials).
 */
public record Recording(String url, Instant availableAt, String note, String copyKey) {
    public static final Recording NONE = new Recording(null, null, null);

    public Recording(String url, Instant availableAt, String note) {
        this(url, availableAt, note, null);
    }
}
