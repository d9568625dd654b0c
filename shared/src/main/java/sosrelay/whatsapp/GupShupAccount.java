package sosrelay.whatsapp;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The GupShup enterprise account WhatsApp messages go out on.
 *
 * @param apiBaseUrl e.g. {@code https://media.smsgupshup.com}
 * @param password   read when needed; it travels only in a POST body, never in a URL or a log line
 * @param header     the approved template's header text, or null when it has none
 * @param footer     the approved template's footer text, or null when it has none
 */
public record GupShupAccount(String apiBaseUrl, String userId, Supplier<String> password, Duration requestTimeout,
                             String header, String footer) {

    /** A template with neither header nor footer. */
    public GupShupAccount(String apiBaseUrl, String userId, Supplier<String> password, Duration requestTimeout) {
        this(apiBaseUrl, userId, password, requestTimeout, null, null);
    }
}
