package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Issue 10: a busy line's status callback comes within a second, often before the worker has recorded
 * the CallSid; it must still count. Twenty busy people (the sandbox ends their calls after 200 ms)
 * are each rung the configured three times within a minute; an answering machine is not a person.
 */
class BusyLinesIT {
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final List<String> BUSY = IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("+9198222000%02d", i)).toList();
    private static final String VOICEMAIL = "+919822200099";
    private static LocalRelay relay;
    private static SandboxExotel exotel;

    @BeforeAll
    static void start() {
        relay = LocalHttp.relayForMadeUpCallSids("/busy-directory.yaml");
        exotel = relay.sandbox().orElseThrow();
        BUSY.forEach(number -> exotel.script(number, List.of("busy")));
        exotel.script(VOICEMAIL, List.of("machine"));
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void twentyBusyLinesAreEachRungTheConfiguredThreeTimesWithinAMinute() {
        String id = raise("busy-lines-0001", "Busy");

        LocalHttp.await("every busy person's third call to end", MINUTE,
                () -> BUSY.stream().allMatch(number -> endedCallsTo(number, id) == 3));

        assertThat(BUSY).allSatisfy(number -> assertThat(callsTo(number, id)).as(number).isEqualTo(3));
        assertThat(events(view(id)).stream().filter("retry.exhausted"::equals)).hasSize(20);
    }

    @Test
    void aCallAnAnsweringMachineTookIsRetriedAsUnanswered() {
        String id = raise("busy-voicemail-0001", "Voicemail");

        LocalHttp.await("voicemail's second call to end", MINUTE, () -> endedCallsTo(VOICEMAIL, id) == 2);

        assertThat(callsTo(VOICEMAIL, id)).isEqualTo(2);
        assertThat(view(id)).containsEntry("status", "open");
        assertThat(events(view(id))).contains("delivery.no-answer", "retry.scheduled", "retry.exhausted").doesNotContain("delivery.completed");
    }

    private static String raise(String callSid, String type) {
        String body = LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                Map.of("CallSid", callSid, "EmergencyType", type)).body();
        return body.substring("OK ".length(), "OK ".length() + 24);
    }

    private static long callsTo(String phone, String incidentId) {
        return exotel.calls().stream().filter(c -> c.from().equals(phone) && c.customField().startsWith(incidentId)).count();
    }

    private static long endedCallsTo(String phone, String incidentId) {
        return exotel.calls().stream().filter(c -> c.from().equals(phone) && c.customField().startsWith(incidentId)
                && c.ended() && !c.callbacks().isEmpty()).count();
    }

    private static Map<String, Object> view(String id) {
        return Json.readObject(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id, LocalRelay.LOCAL_OPERATOR_KEY).body());
    }

    private static List<Object> events(Map<String, Object> view) {
        return ((List<?>) view.get("timeline")).stream().map(e -> ((Map<?, ?>) e).get("event")).map(Object.class::cast).toList();
    }
}
