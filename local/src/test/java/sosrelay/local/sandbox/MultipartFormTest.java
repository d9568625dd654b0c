package sosrelay.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
    @Test
    void eachFieldIsAPartBetweenBoundariesWithCrlfLineEnds() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Status", "completed");
        fields.put("RecordingUrl", "");
        fields.put("Legs[0][Status]", "completed");
        MultipartForm form = new MultipartForm(fields);

        assertThat(form.contentType()).startsWith("multipart/form-data; boundary=");
        String boundary = form.contentType().substring("multipart/form-data; boundary=".length());
        assertThat(new String(form.body(), StandardCharsets.UTF_8)).isEqualTo(
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"Status\"\r\n\r\ncompleted\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"RecordingUrl\"\r\n\r\n\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"Legs[0][Status]\"\r\n\r\ncompleted\r\n"
                + "--" + boundary + "--\r\n");
    }

    @Test
    void aQuoteInANameCannotEndItsQuotedString() {
        String body = new String(new MultipartForm(Map.of("a\"b", "x")).body(), StandardCharsets.UTF_8);

        assertThat(body).contains("name=\"a%22b\"");
    }
}
