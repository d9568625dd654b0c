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
import sosrelay.local.sandbox.SandboxGupShup;

/**
 * Issue 20: only the alert's DLT template is set (the stand-down's and the report back's are blank, in English and
 * Hindi). The alert SMS still goes; those two notices are off: the SMS worker says so at start-up and sends none of
 * their jobs, the board's desk lists them, and the WhatsApp stand-down (its own template) still goes.
 */
class OptionalTextsIT {
    @RegisterExtension
    static final CapturedRelay stack = CapturedRelay.withEnvironment(Map.of(
            "EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID", "", "EXOTEL_DLT_COMING_TEMPLATE_ID", "",
            "EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID_HI", "", "EXOTEL_DLT_COMING_TEMPLATE_ID_HI", "",
            LocalRelay.SANDBOX_SCRIPT_VARIABLE, "+919800000003=press-1;+919800000004=press-1"));

    @Test
    void theAlertSmsGoesAndTheNoticesWithoutATemplateAreOff() throws InterruptedException, java.io.IOException {
        LocalRelay relay = stack.relay();
        SandboxExotel exotel = relay.sandbox().orElseThrow();
        SandboxGupShup gupShup = relay.sandboxGupShup().orElseThrow();

        Map<String, Object> call = LocalHttp.inboundCall(relay, "09800000099", "Heart");
        assertThat(((Number) call.get("passthruStatus")).intValue()).isEqualTo(200);
        String id = ((String) call.get("passthruBody")).substring("OK ".length());
        LocalHttp.await("the alert SMS to dr-rao and dr-iyer, and the incident covered by dr-khan and dr-mehta", Duration.ofSeconds(30),
                () -> exotel.smsMessages().size() >= 2 && events(relay, id).contains("stood-down"));
        LocalHttp.await("the WhatsApp alert and stand-down to dr-rao", Duration.ofSeconds(15), () -> gupShup.messages().size() >= 2);
        // The stand-down and report-back SMS jobs would be sent within a poll or two.
        Thread.sleep(3000);

        assertThat(exotel.smsMessages()).extracting(SandboxExotel.SentSms::to).as("the alerts, nothing else")
                .containsExactlyInAnyOrder("+919800000001", "+919800000002");
        assertThat(exotel.smsMessages()).allSatisfy(sms -> assertThat(sms.body()).startsWith("SOS Relay: Heart"));
        assertThat(gupShup.messages()).hasSize(2);
        assertThat(stack.output())
                .as("the SMS worker's start-up warning and metric, then each notice job dropped")
                .contains("\"event\":\"delivery.notice-off\"", "EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID and EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID_HI are not set",
                        "EXOTEL_DLT_COMING_TEMPLATE_ID and EXOTEL_DLT_COMING_TEMPLATE_ID_HI are not set", "\"NoticeOff\"")
                .contains("\"event\":\"delivery.off\"").doesNotContain("job.error");
        java.net.http.HttpResponse<String> deskResponse = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(relay.stack().baseUrl().resolve("/v1/desk")).header("Authorization", "Bearer " + relay.operatorToken()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(deskResponse.statusCode()).as(deskResponse.body()).isEqualTo(200);
        Map<String, Object> desk = Json.readObject(deskResponse.body());
        assertThat(desk.get("noticesOff")).asList().hasSize(2).anySatisfy(note -> assertThat(note).asString().startsWith("stand-down SMS"))
                .anySatisfy(note -> assertThat(note).asString().startsWith("coming SMS"));
    }

    private static List<Object> events(LocalRelay relay, String id) {
        Map<String, Object> view = Json.readObject(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id,
                LocalRelay.LOCAL_OPERATOR_KEY).body());
        return ((List<?>) view.get("timeline")).stream().map(e -> ((Map<?, ?>) e).get("event")).map(Object.class::cast).toList();
    }
}
