package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxPlivo;

/**
 * Issue 22's second number when the provider refuses the first outright: with Exotel down, Plivo answers the mobile's
 * request with a 400 ("not a valid phone number"). The attempt goes on as an unanswered one does: the person's desk is
 * rung at once, not after the type's 60 s wait, and its answer ends it.
 */
class RefusedNumberIT {
    private static final String MOBILE = "+919833300001";
    private static final String DESK = "+919833300002";
    private static LocalRelay relay;

    @BeforeAll
    static void start() throws URISyntaxException {
        Path directory = Path.of(RefusedNumberIT.class.getResource("/second-number-directory.yaml").toURI());
        relay = LocalRelay.start(LocalHttp.madeUpCallSids(LocalStackOptions.forTemplate(LocalTemplate.findTemplate())
                        .withContactsFile(directory)),
                Map.of("VOICE_PROVIDERS", "exotel,plivo", LocalRelay.SANDBOX_OUTAGE_VARIABLE, "exotel@0s+3m",
                        LocalRelay.SANDBOX_SCRIPT_VARIABLE, MOBILE + "=invalid-number;" + DESK + "=answer"),
                new PrintStream(PrintStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void aNumberPlivoRefusesHasTheDeskRungAtOnce() {
        SandboxPlivo plivo = relay.sandboxPlivo().orElseThrow();
        String body = LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                Map.of("CallSid", "refused-number-1", "EmergencyType", "Desk")).body();
        String id = body.substring("OK ".length(), "OK ".length() + 24);

        LocalHttp.await("the desk's call to end answered", Duration.ofSeconds(30), () -> events(id).contains("delivery.completed"));

        assertThat(plivo.calls()).extracting(SandboxPlivo.PlacedCall::to).as("the refused mobile placed nothing; the desk once")
                .containsExactly(DESK.substring(1));
        // The type waits 60 s between rounds: only the refusal can have brought the desk in this soon.
        assertThat(events(id)).containsSubsequence("delivery.refused", "retry.next-number", "delivery.completed")
                .doesNotContain("retry.scheduled");
        assertThat(relay.sandbox().orElseThrow().calls()).as("nobody rung through Exotel, which was down").isEmpty();
        assertThat(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id, LocalRelay.LOCAL_OPERATOR_KEY).body())
                .as("Plivo's reason is kept with the number it quotes masked").contains("'********0001' is not a valid phone number")
                .doesNotContain("919833300001");
        assertThat(relay.stack().accessDenials().all()).as("the follow-up is allowed by the worker's policy").isEmpty();
    }

    private static List<Object> events(String id) {
        Map<String, Object> view = Json.readObject(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id,
                LocalRelay.LOCAL_OPERATOR_KEY).body());
        return ((List<?>) view.get("timeline")).stream().map(e -> ((Map<?, ?>) e).get("event")).map(Object.class::cast).toList();
    }
}
