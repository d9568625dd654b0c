package sosrelay.calls;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The Exotel account the calls go out on.
 *
 * @param apiBaseUrl        e.g. {@code https://api.in.exotel.com}
 * @param apiToken          read when needed, so a rotated token takes effect without a redeploy
 * @param callerId          the ExoPhone people see calling
 * @param flowUrl           the outbound flow with the Dynamic Greeting; read when needed, as it is set after deploying
 * @param statusCallbackUrl where Exotel reports how each call ended; built when needed, as it holds the webhook secret
 *                          (rotatable, and never in a SnapStart snapshot)
 */
public record ExotelAccount(
        String apiBaseUrl,
        String accountSid,
        String apiKey,
        Supplier<String> apiToken,
        String callerId,
        Supplier<String> flowUrl,
        Supplier<String> statusCallbackUrl,
        int ringTimeoutSeconds,
        int timeLimitSeconds,
        Duration requestTimeout) {
    /**
     * How long the flow's URL is kept before its SSM parameter is read again: on AWS the flow can only be built
     * after the stack exists (it needs the API's URLs), so it is set after deploying, with no redeploy.
     */
    public static final Duration FLOW_URL_KEPT = Duration.ofMinutes(5);
}
