package sosrelay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebRequestTest {

    @Test
    void mergesQueryAndFormFieldsQueryFirst() {
        WebRequest request = new WebRequest("post", Map.of(), Map.of("CallSid", List.of("from-query")),
                Map.of("content-type", List.of("application/x-www-form-urlencoded; charset=UTF-8")),
                "CallSid=from-form&Created=Fri%2C+16+Jul+2021+15%3A41%3A28&bad=%zz", false, null);

        Map<String, List<String>> params = request.parameters();

        assertThat(params.get("CallSid")).containsExactly("from-query", "from-form");
        assertThat(params.get("Created")).containsExactly("Fri, 16 Jul 2021 15:41:28");
        assertThat(params.get("bad")).containsExactly("%zz");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    }

    @Test
    void decodesABase64Body() {
        WebRequest request = new WebRequest("POST", null, null,
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), "Q2FsbFNpZD1hYmM=", true, null);

        assertThat(request.parameters().get("CallSid")).containsExactly("abc");
    }

    @Test
    void aParameterIsItsFirstNonBlankValueTrimmedOrNull() {
        WebRequest request = new WebRequest("GET", null, Map.of("CustomField", List.of("", "  inc-1:dr-rao "), "blank", List.of(" ")),
                Map.of(), null, false, null);

        assertThat(request.parameter("CustomField")).isEqualTo("inc-1:dr-rao");
        assertThat(request.parameter("blank")).isNull();
        assertThat(request.parameter("absent")).isNull();
    }
}
