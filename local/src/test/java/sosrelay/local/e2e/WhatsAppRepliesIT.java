package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxGupShup;

/**
 * Issue 10, WhatsApp as GupShup has it: with GupShup's inbound webhook set to ours (GUPSHUP_INBOUND=on) dr-rao's
 * WhatsApp asks for a reply with his code, and his reply acknowledges while the same code from another number does
 * not; the sandbox's delivery reports take his WhatsApp to read, and a message reported failed is failed, counted in
 * DeliveryFailed, and falls back to his call (which he has already: nobody is rung twice).
 */
class WhatsAppRepliesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DR_RAO = "+919800000001";
    /** The functions' metric lines (EMF) go to System.out, as on Lambda: kept. */
    @RegisterExtension
    static final CapturedRelay STACK = CapturedRelay.withEnvironment(Map.of("GUPSHUP_INBOUND", "on")).replayingMadeUpCallSids();
    private static LocalRelay relay;
    private static SandboxGupShup gupShup;

    @BeforeAll
    static void sandboxes() {
        relay = STACK.relay();
        gupShup = relay.sandboxGupShup().orElseThrow();
    }

    @Test
    void aWhatsAppReplyWithTheCodeAcknowledgesFromTheOwnNumberOnly() {
        String id = raise("wa-reply-0001");
        LocalHttp.await("dr-rao's WhatsApp", WAIT, () -> whatsAppFor(id) != null);
        String text = whatsAppFor(id).msg();
        assertThat(text).matches(".*To acknowledge: Reply [1-9][0-9]{5} to this message\\.");
        String code = text.replaceAll(".*Reply ([0-9]{6}) to this message.*", "$1");

        assertThat(gupShup.reply("+919800000002", code)).as("dr-iyer sends dr-rao's code").isEqualTo(200);
        assertThat(gupShup.reply(DR_RAO, "on my way")).as("no code").isEqualTo(200);
        assertThat(acknowledgedBy(id)).isEmpty();

        assertThat(gupShup.reply(DR_RAO, code + " coming")).isEqualTo(200);
        assertThat(acknowledgedBy(id)).containsExactly("dr-rao");
        assertThat(timeline(id)).anySatisfy(event -> assertThat(event).containsEntry("event", "acknowledged")
                .containsEntry("personId", "dr-rao").containsEntry("via", "whatsapp"));
    }

    @Test
    void deliveryReportsTakeTheWhatsAppToReadAndAFailedOneIsCountedAndFallsBackToTheCall() throws InterruptedException {
        String read = raise("wa-read-0001");
        LocalHttp.await("dr-rao's WhatsApp to be read", WAIT, () -> "read".equals(whatsAppDelivery(read).get("state")));

        gupShup.script(DR_RAO, SandboxGupShup.Fate.FAILED);
        try {
            String failed = raise("wa-failed-0001");
            LocalHttp.await("dr-rao's WhatsApp to fail and the call fallback", WAIT, () -> events(failed).contains("fallback.call"));

            assertThat(whatsAppDelivery(failed)).containsEntry("state", "failed");
            assertThat(STACK.output().lines().filter(line -> line.startsWith("{\"_aws\"")))
                    .anySatisfy(line -> assertThat(line).contains("\"DeliveryFailed\"", "\"Channel\":\"whatsapp\"", failed));
            LocalHttp.await("dr-rao's call", WAIT, () -> callsTo(failed) > 0);
            Thread.sleep(2_000); // a second call would be placed within a poll or two
            assertThat(callsTo(failed)).isEqualTo(1);
        } finally {
            gupShup.script(DR_RAO, SandboxGupShup.Fate.READ);
        }
    }

    private static String raise(String callSid) {
        String body = LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                Map.of("CallSid", callSid, "EmergencyType", "Heart")).body();
        return body.substring("OK ".length(), "OK ".length() + 24);
    }

    private static long callsTo(String id) {
        return relay.sandbox().orElseThrow().calls().stream().filter(call -> call.from().equals(DR_RAO) && call.customField().startsWith(id)).count();
    }

    private static SandboxGupShup.SentWhatsApp whatsAppFor(String id) {
        return gupShup.messages().stream().filter(m -> m.msg().contains(id)).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> whatsAppDelivery(String id) {
        return ((List<?>) view(id).get("deliveries")).stream().map(d -> (Map<String, Object>) d)
                .filter(d -> "dr-rao".equals(d.get("personId")) && "whatsapp".equals(d.get("channel"))).findFirst().orElse(Map.of());
    }

    private static List<Object> acknowledgedBy(String id) {
        return List.copyOf((List<?>) view(id).get("acknowledgedBy"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> timeline(String id) {
        return ((List<?>) view(id).get("timeline")).stream().map(e -> (Map<String, Object>) e).toList();
    }

    private static List<Object> events(String id) {
        return timeline(id).stream().map(e -> e.get("event")).toList();
    }

    private static Map<String, Object> view(String id) {
        return Json.readObject(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id, LocalRelay.LOCAL_OPERATOR_KEY).body());
    }
}
