package sosrelay.calls;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import sosrelay.delivery.DeliveryJob;

/**
 * The Plivo account calls go out on when Exotel is not the provider.
 *
 * @param apiBaseUrl  e.g. {@code https://api.plivo.com}
 * @param authToken   read when needed, so a rotated token takes effect without a redeploy (also what callbacks are signed with)
 * @param callerId    a Plivo-rented Indian number of this account: Plivo refuses any other {@code from}
 * @param webhookUrl  our Plivo webhook of a name ({@code answer}, {@code hangup}) for one job: built when needed, as it
 *                    holds the webhook secret (rotatable, never in a SnapStart snapshot), and names the delivery
 */
public record PlivoAccount(
        String apiBaseUrl,
        String authId,
        Supplier<String> authToken,
        String callerId,
        Function<Webhook, String> webhookUrl,
        int ringTimeoutSeconds,
        int timeLimitSeconds,
        Duration requestTimeout) {

    /** One of our Plivo webhooks for one job's call. */
    public record Webhook(String name, DeliveryJob job) {
    }
}
