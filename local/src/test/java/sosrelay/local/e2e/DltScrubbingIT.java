package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;
import sosrelay.sms.DltTemplate;
import sosrelay.config.Settings;

/**
 * Issue 10: DLT scrubbing happens after Exotel's 200. The demo's SMS keeps to its registered template
 * and is delivered; an SMS the sandbox's DLT refuses is reported failed with Exotel's DetailedStatus,
 * and its person is called instead (dr-rao is on the call list already, so nobody is rung twice).
 */
class DltScrubbingIT {
    private static final String TEMPLATE_ID = "1107000000000000001";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static LocalRelay relay;
    private static SandboxExotel exotel;

    @BeforeAll
    static void start() {
        relay = LocalHttp.demoRelayForMadeUpCallSids();
        exotel = relay.sandbox().orElseThrow();
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void anSmsThatKeepsToTheRegisteredTemplateIsDelivered() {
        exotel.registerDltTemplate(TEMPLATE_ID, DltTemplate.registered(Settings.DEFAULT_MESSAGE_TEMPLATE, relay.stack().baseUrl().toString()));
        String id = raise("dlt-sent-0001");

        LocalHttp.await("dr-rao's SMS to be reported", WAIT, () -> smsDelivery(id).get("state") != null
                && !List.of("claimed", "accepted").contains(smsDelivery(id).get("state")));

        assertThat(smsDelivery(id)).containsEntry("state", "sent");
    }

    @Test
    void anSmsDltRefusesIsFailedWithExotelsReasonAndThePersonIsCalledInstead() throws InterruptedException {
        exotel.registerDltTemplate(TEMPLATE_ID, "A different registered text {#var#}");
        String id = raise("dlt-failed-0001");

        LocalHttp.await("dr-rao's SMS to fail and the call fallback", WAIT, () -> events(id).contains("fallback.call"));
        Thread.sleep(2_000); // a duplicate call would be placed within a poll or two

        assertThat(smsDelivery(id)).containsEntry("state", "failed");
        assertThat(events(id)).contains("delivery.failed");
        assertThat(exotel.calls()).filteredOn(c -> c.from().equals("+919800000001") && c.customField().startsWith(id)).hasSize(1);
    }

    private static String raise(String callSid) {
        String body = LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                Map.of("CallSid", callSid, "EmergencyType", "Heart")).body();
        return body.substring("OK ".length(), "OK ".length() + 24);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> smsDelivery(String id) {
        return ((List<?>) view(id).get("deliveries")).stream().map(d -> (Map<String, Object>) d)
                .filter(d -> "dr-rao".equals(d.get("personId")) && "sms".equals(d.get("channel"))).findFirst().orElse(Map.of());
    }

    private static List<Object> events(String id) {
        return ((List<?>) view(id).get("timeline")).stream().map(e -> ((Map<?, ?>) e).get("event")).map(Object.class::cast).toList();
    }

    private static Map<String, Object> view(String id) {
        return Json.readObject(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id, LocalRelay.LOCAL_OPERATOR_KEY).body());
    }
}
