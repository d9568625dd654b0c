package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.incident.IncidentProgress;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;
import sosrelay.local.sandbox.SandboxPlivo;

/**
 * Issue 22 on the local stack, as a user starts it: {@code VOICE_PROVIDERS=exotel,plivo} (a sandbox Plivo starts) and
 * Exotel down for three minutes ({@code SOS_SANDBOX_OUTAGE=exotel@0s+3m}). A device's Heart emergency (20 people) is
 * placed through Plivo for all 20 within 30 s, each once across both providers; Dr. Rao and Dr. Iyer press 1 on Plivo's
 * GetInput, which acknowledges the incident (Heart needs two: its tier is covered and the ringing stops).
 */
class PlivoFailoverIT {
    @RegisterExtension
    static final CapturedRelay stack = CapturedRelay.withEnvironment(Map.of("VOICE_PROVIDERS", "exotel,plivo",
            LocalRelay.SANDBOX_OUTAGE_VARIABLE, "exotel@0s+3m",
            LocalRelay.SANDBOX_SCRIPT_VARIABLE, "+919800000001=press-1;+919800000002=press-1"));

    @Test
    void withExotelDownEveryoneIsRungThroughPlivoOnceAndAKeypressThroughPlivoAcknowledges() throws InterruptedException {
        LocalRelay relay = stack.relay();
        SandboxPlivo plivo = relay.sandboxPlivo().orElseThrow();
        SandboxExotel exotel = relay.sandbox().orElseThrow();
        Instant raisedAt = Instant.now();

        HttpResponse<String> raised = LocalHttp.postJson(relay.stack().baseUrl(), "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                "{\"type\":\"Heart\",\"message\":\"Cardiac arrest, bed 4\",\"source\":\"monitor-4\",\"dedupKey\":\"monitor-4-0001\"}");
        assertThat(raised.statusCode()).isEqualTo(202);
        String incidentId = (String) Json.readObject(raised.body()).get("incidentId");

        LocalHttp.await("20 calls fired through Plivo", Duration.ofSeconds(30), () -> plivo.calls().size() >= 20);
        LocalHttp.await("two people pressed 1 through Plivo", Duration.ofSeconds(30),
                () -> IncidentProgress.ACKNOWLEDGED.equals(IncidentItems.status(relay, incidentId)));
        // A duplicate would arrive within a poll or two.
        Thread.sleep(3000);

        assertThat(plivo.calls()).as("all 20 within 30 s of the raise")
                .allSatisfy(call -> assertThat(call.firedAt()).isBefore(raisedAt.plusSeconds(30)));
        assertThat(plivo.calls().stream().collect(Collectors.groupingBy(SandboxPlivo.PlacedCall::to, Collectors.counting())))
                .as("each of the 20 people rung exactly once").hasSize(20).allSatisfy((number, calls) -> assertThat(calls).isEqualTo(1));
        assertThat(exotel.calls()).as("nobody rung through Exotel, which was down").isEmpty();
        assertThat(plivo.calls()).as("every answer URL's XML as Plivo takes it").allSatisfy(call -> assertThat(call.problems()).isEmpty());
        assertThat(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + incidentId, LocalRelay.LOCAL_API_KEY).body())
                .as("the incident view shows each call's provider").contains("\"provider\":\"plivo\"").doesNotContain("\"provider\":\"exotel\"");
        assertThat(stack.output()).contains("[sandbox exotel] outage: POST Calls/connect answered 503")
                .contains("pressed 1 and hears: Thank you. The team knows you are coming.");
    }
}
