package sosrelay.sms;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The Exotel account SMS go out on, with what India's DLT rules require of every message.
 *
 * @param apiToken          the same token the calls use, read when needed
 * @param senderId          the DLT-registered header people see the SMS from ({@code From})
 * @param dltEntityId       the principal entity id registered on the DLT platform
 * @param dltTemplateId     the DLT template the body must match
 * @param statusCallbackUrl where Exotel reports whether each SMS was delivered
 */
public record ExotelSmsAccount(
        String apiBaseUrl,
        String accountSid,
        String apiKey,
        Supplier<String> apiToken,
        String senderId,
        String dltEntityId,
        String dltTemplateId,
        Supplier<String> statusCallbackUrl,
        Duration requestTimeout) {
}
