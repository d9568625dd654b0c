package sosrelay.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.web.FormEncoding;
import sosrelay.web.WebRequest;

class GupShupInboundTest {

    @Test
    void theDocumentedTextMessageIsItsSenderAndText() {
        String event = """
                {"app":"DemoApp","timestamp":1580227766370,"version":2,"type":"message",
                 "payload":{"id":"ABEGkYaYVSEEAhAL3SLAWwHKeKrt6s3FKB0c","source":"919800000001","type":"text",
                  "payload":{"text":"482913 coming"},
                  "sender":{"phone":"919800000001","name":"Drew","country_code":"91","dial_code":"9800000001"}}}""";

        assertThat(GupShupInbound.of(json(event))).isEqualTo(new GupShupInbound("+919800000001", "482913 coming"));
    }

    @Test
    void theFlatFieldsOfTheEnterpriseCallbackAreReadFromAFormOrAQuery() {
        WebRequest form = new WebRequest("POST", Map.of(), Map.of(), Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                FormEncoding.encode(Map.of("mobile", "919800000001", "text", "482913", "type", "text", "waNumber", "918047000000")), false, null);
        WebRequest get = new WebRequest("GET", Map.of(), Map.of("mobile", List.of("919800000001"), "text", List.of("482913")),
                Map.of(), null, false, null);

        assertThat(GupShupInbound.of(form)).isEqualTo(new GupShupInbound("+919800000001", "482913"));
        assertThat(GupShupInbound.of(get)).isEqualTo(new GupShupInbound("+919800000001", "482913"));
    }

    @Test
    void statusEventsButtonsImagesAndStrangersWithoutANumberAreNoReply() {
        assertThat(GupShupInbound.of(json("{\"type\":\"message-event\",\"payload\":{\"type\":\"delivered\",\"id\":\"x\"}}"))).isNull();
        assertThat(GupShupInbound.of(json("{\"type\":\"message\",\"payload\":{\"type\":\"image\",\"source\":\"919800000001\","
                + "\"payload\":{\"url\":\"https://x\"}}}"))).isNull();
        assertThat(GupShupInbound.of(json("{\"type\":\"message\",\"payload\":{\"type\":\"text\",\"source\":\"not-a-number\","
                + "\"payload\":{\"text\":\"482913\"}}}"))).isNull();
        assertThat(GupShupInbound.of(json("[]"))).isNull();
    }

    private static WebRequest json(String body) {
        return new WebRequest("POST", Map.of(), Map.of(), Map.of("Content-Type", List.of("application/json")), body, false, null);
    }
}
