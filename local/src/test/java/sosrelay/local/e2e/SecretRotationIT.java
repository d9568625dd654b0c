package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;
import sosrelay.web.FormEncoding;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Issue 21 item 5, on the local stack with its secrets in the local Parameter Store (SOS_LOCAL_SSM=on, moto's server):
 * the webhook secret is rotated with a plain {@code put-parameter --overwrite} and the running functions follow it, with
 * no new version and no restart. A call placed before the rotation carries the old secret in its status-callback URL,
 * which Exotel calls minutes later: it is accepted for the rotation window, refused after it, while the new secret is
 * accepted and handed out from the hand-over on. Times are compressed: SECRET_CACHE_SECONDS 2, the window 12 s (AWS:
 * 15 minutes and an hour).
 */
class SecretRotationIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PARAMETER = "/sos-relay/webhook-secret";
    private static final String OLD = LocalRelay.LOCAL_SECRET;
    private static final String NEW = "rotated-webhook-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void callsPlacedBeforeARotationKeepTheirCallbacksForTheWindowOnlyAndNewCallsCarryTheNewSecret() throws Exception {
        try (LocalRelay relay = start(Map.of("SECRET_CACHE_SECONDS", "2", "SECRET_ROTATION_WINDOW_SECONDS", "12"))) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            SsmClient ssm = relay.stack().backends().ssm();
            assertThat(relay.stack().environment("ExotelCallStatusFunction")).as("no plain secret on the functions")
                    .doesNotContainKey("SOS_WEBHOOK_SECRET").containsEntry("SOS_WEBHOOK_SECRET_PARAMETER", PARAMETER);

            SandboxExotel.PlacedCall before = placeCall(relay, exotel);
            assertThat(before.statusCallback()).contains("/exotel/" + OLD + "/call-status");

            ssm.putParameter(b -> b.name(PARAMETER).type(ParameterType.SECURE_STRING).value(NEW).overwrite(true));
            Instant rotated = ssm.getParameter(b -> b.name(PARAMETER)).parameter().lastModifiedDate();
            sleepUntil(rotated.plusSeconds(3));

            assertThat(callback(before.statusCallback(), before.sid()).statusCode()).as("the old call's callback, in the window").isEqualTo(200);
            assertThat(callback(before.statusCallback().replace(OLD, NEW), before.sid()).statusCode()).as("the new secret").isEqualTo(200);
            SandboxExotel.PlacedCall after = placeCall(relay, exotel);
            assertThat(after.statusCallback()).as("a call placed after the hand-over").contains("/exotel/" + NEW + "/call-status");

            sleepUntil(rotated.plusSeconds(14));
            HttpResponse<String> late = callback(before.statusCallback(), before.sid());
            assertThat(late.statusCode()).as("the old secret after the window").isEqualTo(403);
            assertThat(late.body()).isEqualTo("wrong webhook secret");
            assertThat(callback(after.statusCallback(), after.sid()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aPrimedFunctionReadsTheValueSsmHoldsWhenItIsFirstInvokedNotWhenItWasPrimed() throws Exception {
        try (LocalRelay relay = start(Map.of("SOS_LOCAL_SNAPSTART", "on"))) {
            SsmClient ssm = relay.stack().backends().ssm();
            // Primed (SnapStart's warm-up ran on the environment the stack started), then the value changes: put twice, so
            // the version before the current one is the new value too and the old one is no longer accepted at all.
            ssm.putParameter(b -> b.name(PARAMETER).type(ParameterType.SECURE_STRING).value(NEW).overwrite(true));
            ssm.putParameter(b -> b.name(PARAMETER).type(ParameterType.SECURE_STRING).value(NEW).overwrite(true));

            URI base = relay.stack().baseUrl();
            assertThat(statusCallback(base, NEW).statusCode()).as("the value put after priming").isEqualTo(200);
            assertThat(statusCallback(base, OLD).statusCode()).as("the value SSM held while it was primed").isEqualTo(403);
            assertThat(relay.stack().executionEnvironments("ExotelCallStatusFunction")).as("served by the primed environment").isEqualTo(1);
        }
    }

    private static LocalRelay start(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        all.put("SOS_LOCAL_SSM", "on");
        return LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate())
                .withContactsFile(Path.of("src/test/resources/one-doctor-directory.yaml")), all,
                new java.io.PrintStream(java.io.PrintStream.nullOutputStream()));
    }

    /** A front desk's call through the sandbox (its Passthru URL still the one set at start), and the call it makes placed. */
    private static SandboxExotel.PlacedCall placeCall(LocalRelay relay, SandboxExotel exotel) {
        int placed = exotel.calls().size();
        Map<String, Object> inbound = LocalHttp.inboundCall(relay, "09800000099", "Heart");
        assertThat(inbound.get("passthruStatus")).as(String.valueOf(inbound.get("passthruBody"))).isEqualTo(200);
        LocalHttp.await("dr-one's call placed", WAIT, () -> exotel.calls().size() > placed);
        return exotel.calls().get(exotel.calls().size() - 1);
    }

    private static HttpResponse<String> callback(String url, String callSid) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(Map.of("CallSid", callSid, "Status", "completed"))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> statusCallback(URI base, String secret) throws Exception {
        return callback(base + "/exotel/" + secret + "/call-status", "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
