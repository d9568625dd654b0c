package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Issue 22, item 6: a person with {@code phones: [mobile, desk]}. A mobile that is not answered has the desk rung next, at
 * once rather than after the retry wait, hears the incident's greeting, and its answer ends the ringing; after the last
 * number the retry policy waits, then starts again at the first number.
 */
class SecondNumberIT {
    private static final String MOBILE = "+919833300001";
    private static final String DESK = "+919833300002";
    private static final String ROUNDS_MOBILE = "+919833300011";
    private static final String ROUNDS_DESK = "+919833300012";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LocalRelay relay;
    private static SandboxExotel exotel;

    @BeforeAll
    static void start() {
        relay = LocalHttp.relayForMadeUpCallSids("/second-number-directory.yaml");
        exotel = relay.sandbox().orElseThrow();
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void aMobileNotAnsweredHasTheDeskRungBeforeTheRetryWaitAndTheDesksAnswerEndsIt() {
        exotel.script(MOBILE, List.of("no-answer"));
        exotel.script(DESK, List.of("answer"));

        String id = raise("second-number-desk-1", "Desk");
        LocalHttp.await("the desk's call to end answered", WAIT, () -> events(view(id)).contains("delivery.completed"));

        List<SandboxExotel.PlacedCall> calls = callsFor(id);
        assertThat(calls).extracting(SandboxExotel.PlacedCall::from).containsExactly(MOBILE, DESK);
        // The type waits 60 s between retries: the desk came well before that.
        assertThat(Duration.between(calls.get(0).at(), calls.get(1).at())).isLessThan(Duration.ofSeconds(20));
        assertThat(calls.get(1).heard()).as("the desk hears the incident's greeting, as a call we placed")
                .contains("Emergency alert. Desk emergency");
        List<Object> events = events(view(id));
        assertThat(events).containsSubsequence("delivery.no-answer", "retry.next-number", "delivery.completed")
                .doesNotContain("retry.scheduled", "retry.exhausted");
        assertThat(view(id)).containsEntry("status", "open");
    }

    @Test
    void afterTheLastNumberTheRetryWaitsThenStartsAgainAtTheFirst() {
        exotel.script(ROUNDS_MOBILE, List.of("no-answer", "no-answer"));
        exotel.script(ROUNDS_DESK, List.of("busy", "busy"));

        String id = raise("second-number-rounds-1", "Rounds");
        LocalHttp.await("both rounds to end", WAIT, () -> events(view(id)).contains("retry.exhausted"));

        List<SandboxExotel.PlacedCall> calls = callsFor(id);
        assertThat(calls).extracting(SandboxExotel.PlacedCall::from).containsExactly(ROUNDS_MOBILE, ROUNDS_DESK, ROUNDS_MOBILE, ROUNDS_DESK);
        // The wait (2 s) comes after the desk, never between the mobile and the desk.
        assertThat(Duration.between(calls.get(1).at(), calls.get(2).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(events(view(id)).stream().filter("retry.next-number"::equals)).hasSize(2);
        assertThat(events(view(id)).stream().filter("retry.scheduled"::equals)).hasSize(1);
    }

    private static String raise(String callSid, String type) {
        String body = LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                Map.of("CallSid", callSid, "EmergencyType", type)).body();
        return body.substring("OK ".length(), "OK ".length() + 24);
    }

    private static List<SandboxExotel.PlacedCall> callsFor(String incidentId) {
        return exotel.calls().stream().filter(c -> c.customField().startsWith(incidentId))
                .sorted(Comparator.comparing(SandboxExotel.PlacedCall::at)).toList();
    }

    private static Map<String, Object> view(String id) {
        return Json.readObject(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id, LocalRelay.LOCAL_OPERATOR_KEY).body());
    }

    private static List<Object> events(Map<String, Object> view) {
        return ((List<?>) view.get("timeline")).stream().map(e -> ((Map<?, ?>) e).get("event")).map(Object.class::cast).toList();
    }
}
