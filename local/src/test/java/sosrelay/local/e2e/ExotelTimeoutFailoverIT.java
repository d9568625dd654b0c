package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;
import sosrelay.local.sandbox.SandboxPlivo;

/**
 * Issue 22's "Exotel timing out (8 s): the same failover", on the local stack: {@code VOICE_PROVIDERS=exotel,plivo} and
 * Exotel's API answering nothing ({@code SOS_SANDBOX_OUTAGE=exotel-timeout@0s+30s}, its call details too; over before the
 * stack stops, so fewer workers are left waiting on it). Each timed-out request is looked up on Exotel (which cannot say
 * either) before Plivo is tried, and the timeout opens Exotel at once: the 20 people of a device's Heart emergency are
 * rung through Plivo within 30 s of the raise, each once.
 */
class ExotelTimeoutFailoverIT {
    @RegisterExtension
    static final CapturedRelay stack = CapturedRelay.withEnvironment(Map.of("VOICE_PROVIDERS", "exotel,plivo",
            LocalRelay.SANDBOX_OUTAGE_VARIABLE, "exotel-timeout@0s+30s"));

    @Test
    void withExotelTimingOutEveryoneIsRungThroughPlivoOnceWithin30Seconds() throws InterruptedException {
        LocalRelay relay = stack.relay();
        SandboxPlivo plivo = relay.sandboxPlivo().orElseThrow();
        SandboxExotel exotel = relay.sandbox().orElseThrow();
        Instant raisedAt = Instant.now();

        HttpResponse<String> raised = LocalHttp.postJson(relay.stack().baseUrl(), "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                "{\"type\":\"Heart\",\"message\":\"Cardiac arrest, bed 4\",\"source\":\"monitor-4\",\"dedupKey\":\"monitor-4-0002\"}");
        assertThat(raised.statusCode()).isEqualTo(202);
        String incidentId = (String) Json.readObject(raised.body()).get("incidentId");

        LocalHttp.await("20 calls fired through Plivo", Duration.ofSeconds(30), () -> plivo.calls().size() >= 20);
        // A duplicate would arrive within a poll or two.
        Thread.sleep(3000);

        assertThat(plivo.calls()).as("all 20 within 30 s of the raise")
                .allSatisfy(call -> assertThat(call.firedAt()).isBefore(raisedAt.plusSeconds(30)));
        assertThat(plivo.calls().stream().collect(Collectors.groupingBy(SandboxPlivo.PlacedCall::to, Collectors.counting())))
                .as("each of the 20 people rung exactly once").hasSize(20).allSatisfy((number, calls) -> assertThat(calls).isEqualTo(1));
        assertThat(exotel.calls()).as("Exotel, timing out, placed nothing").isEmpty();
        assertThat(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + incidentId, LocalRelay.LOCAL_API_KEY).body())
                .contains("\"provider\":\"plivo\"");
        assertThat(stack.output()).contains("[sandbox exotel] timing out: POST Calls/connect left unanswered")
                .contains("[sandbox exotel] timing out: GET Calls left unanswered");
    }
}
