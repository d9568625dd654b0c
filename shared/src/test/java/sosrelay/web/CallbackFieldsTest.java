package sosrelay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackFieldsTest {

    @Test
    void readsExotelsDefaultMultipartCallback() {
        String body = "--b0undary\r\nContent-Disposition: form-data; name=\"CallSid\"\r\n\r\nexo-1\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"Status\"\r\n\r\nno-answer\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"RecordingUrl\"\r\n\r\n\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"Legs[0][Status]\"\r\n\r\nno-answer\r\n"
                + "--b0undary--\r\n";

        Map<String, String> fields = CallbackFields.of(post("multipart/form-data; boundary=b0undary", body, false));

        assertThat(fields).containsEntry("CallSid", "exo-1").containsEntry("Status", "no-answer")
                .containsEntry("RecordingUrl", "").containsEntry("Legs[0][Status]", "no-answer");
    }

    @Test
    void readsAMultipartBodyApiGatewayHandedOverInBase64() {
        String body = "--xyz\r\nContent-Disposition: form-data; name=\"CallSid\"\r\n\r\nexo-2\r\n--xyz--\r\n";

        Map<String, String> fields = CallbackFields.of(post("multipart/form-data; boundary=\"xyz\"",
                Base64.getEncoder().encodeToString(body.getBytes()), true));

        assertThat(fields).containsEntry("CallSid", "exo-2");
    }

    @Test
    void readsJsonWithoutTheNestedLegs() {
        Map<String, String> fields = CallbackFields.of(post("application/json",
                "{\"CallSid\":\"exo-3\",\"Status\":\"busy\",\"Legs\":[{\"Status\":\"busy\"}],\"OnCallDuration\":0}", false));

        assertThat(fields).containsEntry("CallSid", "exo-3").containsEntry("Status", "busy").containsEntry("OnCallDuration", "0")
                .doesNotContainKey("Legs");
    }

    @Test
    void readsFormEncodingAndLetsTheBodyWinOverTheQuery() {
        WebRequest request = new WebRequest("POST", Map.of(), Map.of("CallSid", List.of("from-query"), "Extra", List.of("q")),
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "CallSid=exo-4&Status=completed", false, null);

        assertThat(CallbackFields.of(request)).containsEntry("CallSid", "from-query").containsEntry("Status", "completed")
                .containsEntry("Extra", "q");
    }

    @Test
    void anUnreadableBodyLeavesTheQuery() {
        WebRequest request = new WebRequest("POST", Map.of(), Map.of("CallSid", List.of("exo-5")),
                Map.of("Content-Type", List.of("application/json")), "{not json", false, null);

        assertThat(CallbackFields.of(request)).containsExactly(Map.entry("CallSid", "exo-5"));
    }

    private static WebRequest post(String contentType, String body, boolean base64) {
        return new WebRequest("POST", Map.of(), Map.of(), Map.of("Content-Type", List.of(contentType)), body, base64, null);
    }
}
