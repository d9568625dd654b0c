package sosrelay.whatsapp;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The GupShup enterprise account WhatsApp messages go out on.
 *
 * @param apiBaseUrl e.g. {@code https://media.smsgupshup.com}
 * @param password   read when needed; it travels only in a POST body, never in a URL or a log line
 */
public record GupShupAccount(String apiBaseUrl, String userId, Supplier<String> password, Duration requestTimeout) {
}
