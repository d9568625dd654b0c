package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * A text the provider refuses outright becomes a call, as one that fails after it was taken does: here GupShup refuses
 * every WhatsApp message (a user id that is not the account's: error 102). Dr. Rao, who has a WhatsApp channel, has the
 * call fallback recorded, and is rung once: the fallback is the first call attempt she already has.
 */
class RefusedTextIT {
    @RegisterExtension
    static final CapturedRelay stack = CapturedRelay.withEnvironment(Map.of("GUPSHUP_USER_ID", "not-the-accounts"));

    @Test
    void aWhatsAppGupShupRefusesIsFollowedByTheCallFallbackAndRingsOnce() throws InterruptedException {
        LocalRelay relay = stack.relay();
        SandboxExotel exotel = relay.sandbox().orElseThrow();
        String drRao = relay.directory().people().get("dr-rao").phone();

        Map<String, Object> call = LocalHttp.inboundCall(relay, "09800000099", "Heart");
        String id = ((String) call.get("passthruBody")).substring("OK ".length());
        LocalHttp.await("dr-rao's refused WhatsApp to fall back to a call", Duration.ofSeconds(30),
                () -> fallbacks(relay, id).contains("dr-rao"));
        // A second ring would follow within a poll or two.
        Thread.sleep(3000);

        assertThat(relay.sandboxGupShup().orElseThrow().messages()).as("GupShup took nothing").isEmpty();
        assertThat(exotel.calls().stream().filter(c -> c.from().equals(drRao))).as("dr-rao rung once").hasSize(1);
        assertThat(stack.output()).contains("\"event\":\"delivery.failed\"").contains("GupShup");
        assertThat(relay.stack().accessDenials().all()).as("the follow-up is allowed by the worker's policy").isEmpty();
    }

    /** Who the timeline's {@code fallback.call} lines name. */
    private static List<Object> fallbacks(LocalRelay relay, String id) {
        Map<String, Object> view = Json.readObject(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id,
                LocalRelay.LOCAL_OPERATOR_KEY).body());
        return ((List<?>) view.get("timeline")).stream().map(e -> (Map<?, ?>) e).filter(e -> "fallback.call".equals(e.get("event")))
                .map(e -> e.get("personId")).map(Object.class::cast).toList();
    }
}
