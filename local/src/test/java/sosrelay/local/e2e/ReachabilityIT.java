package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Issue 4 end to end on the local stack: the sandbox Exotel plays scripted outcomes and posts the
 * status callbacks and the "press 1" request as Exotel would; the timers run on the stack's timers
 * queue. Directory: Heart rings dr-a and dr-b (one acknowledgement is enough, 6 s to get it), then
 * the duty manager; two attempts per person, a second apart.
 */
class ReachabilityIT {
    private static final String DR_A = "+919811100001";
    private static final String DR_B = "+919811100002";
    private static final String DUTY = "+919811100003";
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static LocalRelay relay;
    private static SandboxExotel exotel;

    @BeforeAll
    static void start() {
        relay = LocalHttp.relayForMadeUpCallSids("/reachability-directory.yaml");
        exotel = relay.sandbox().orElseThrow();
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @BeforeEach
    void clearScripts() {
        exotel.clearScripts();
    }

    @Test
    void aMissedCallIsRetriedASilentTierEscalatesAndTheStoryIsTold() {
        exotel.script(DR_A, List.of("no-answer", "answer"));
        exotel.script(DR_B, List.of("busy"));
        exotel.script(DUTY, List.of("press-1"));

        String id = raise("reach-escalate-1");
        LocalHttp.await("the duty manager to acknowledge", WAIT, () -> "acknowledged".equals(view(id).get("status")));

        assertThat(callsTo(DR_A, id)).isEqualTo(2);
        assertThat(callsTo(DR_B, id)).isEqualTo(2);
        assertThat(callsTo(DUTY, id)).isEqualTo(1);
        Map<String, Object> story = view(id);
        assertThat(story).containsEntry("activeTier", 2).containsEntry("acknowledgedBy", List.of("duty"));
        assertThat(events(story)).contains("raised", "notified", "delivery.no-answer", "retry.scheduled", "delivery.busy",
                "retry.exhausted", "escalated", "acknowledged", "incident.acknowledged");
    }

    @Test
    void anAcknowledgementInTheFirstTierMeansTheNextIsNeverRungAndRetriesStop() {
        exotel.script(DR_A, List.of("press-1"));
        exotel.script(DR_B, List.of("no-answer"));

        String id = raise("reach-acked-1");
        LocalHttp.await("dr-a to acknowledge", WAIT, () -> "acknowledged".equals(view(id).get("status")));
        LocalHttp.await("dr-b's first call to end", WAIT, () -> events(view(id)).contains("delivery.no-answer"));
        LocalHttp.await("the first tier's time to be up", Duration.ofSeconds(20), () -> false == isWithinFirstTierTime(id));

        assertThat(callsTo(DUTY, id)).isZero();
        assertThat(callsTo(DR_B, id)).isEqualTo(1);
        assertThat(view(id)).containsEntry("activeTier", 1).containsEntry("acknowledgedBy", List.of("dr-a"));
    }

    /** True until 8 s after the incident was raised: past the 6 s tier deadline and the 1 s retry. */
    private static boolean isWithinFirstTierTime(String id) {
        List<?> timeline = (List<?>) view(id).get("timeline");
        String raisedAt = String.valueOf(((Map<?, ?>) timeline.get(0)).get("at"));
        return java.time.Instant.now().isBefore(java.time.Instant.parse(raisedAt).plusSeconds(8));
    }

    private static String raise(String callSid) {
        String body = LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                Map.of("CallSid", callSid, "EmergencyType", "Heart")).body();
        return body.substring("OK ".length(), "OK ".length() + 24);
    }

    private static long callsTo(String phone, String incidentId) {
        return exotel.calls().stream().filter(c -> c.from().equals(phone) && c.customField().startsWith(incidentId)).count();
    }

    private static Map<String, Object> view(String id) {
        return Json.readObject(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id, LocalRelay.LOCAL_OPERATOR_KEY).body());
    }

    private static List<Object> events(Map<String, Object> view) {
        return ((List<?>) view.get("timeline")).stream().map(e -> ((Map<?, ?>) e).get("event")).map(Object.class::cast).toList();
    }
}
