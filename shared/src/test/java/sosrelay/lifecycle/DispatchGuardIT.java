package sosrelay.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.config.Env;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.wiring.Wiring;

/**
 * Issue 20: a Passthru whose raise passes its deadline, and whose dispatch then never finishes (the Lambda frozen or
 * dead after the 302; here its call queues are gone, so the raise dies after recording the incident), still rings
 * everyone: the dispatch guard set as the raise started resumes it within 30 s, with no repeated Passthru.
 */
class DispatchGuardIT {
    @RegisterExtension
    static final LifecycleHarness harness = new LifecycleHarness();

    private static Map<String, Object> heart() {
        return Map.of(
                "defaultType", "Heart",
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "9800000001"),
                        Map.of("id", "dr-iyer", "name", "Dr. Iyer", "phone", "9800000002")),
                "types", Map.of("Heart", Map.of("tiers", List.of(Map.of("notify", List.of("dr-rao", "dr-iyer"), "escalateAfter", "1h")))));
    }

    @Test
    void aRaisePastItsDeadlineWhoseDispatchNeverFinishesStillRingsEveryoneWithin30Seconds() {
        harness.reset(heart());
        Map<String, String> frozen = new HashMap<>(harness.environment());
        frozen.put("CALL_QUEUE_URL", frozen.get("CALL_QUEUE_URL") + "-gone");
        frozen.put("URGENT_CALL_QUEUE_URL", frozen.get("URGENT_CALL_QUEUE_URL") + "-gone");
        frozen.put("PASSTHRU_DEADLINE_MS", "1");
        long started = System.nanoTime();

        WebResponse answer = new Wiring(Env.of(frozen)).passthruWebhook().handle(new WebRequest("GET", Map.of("secret", LifecycleHarness.SECRET),
                Map.of("CallSid", List.of("frozen-raise-1"), "EmergencyType", List.of("Heart")), Map.of(), null, false, null));

        assertThat(answer.status()).isEqualTo(302);
        String id = sosrelay.incident.IncidentIds.forSource("exotel-call", "frozen-raise-1");
        harness.runFor(Duration.ofSeconds(2));
        assertThat(harness.hasCall(id, "dr-rao")).as("the frozen raise rang nobody").isFalse();

        harness.runUntil("everyone to be rung by the dispatch guard", () -> harness.hasCall(id, "dr-rao") && harness.hasCall(id, "dr-iyer"),
                Duration.ofSeconds(40));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(32));
        assertThat(harness.timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "dispatch.resumed"));
    }
}
