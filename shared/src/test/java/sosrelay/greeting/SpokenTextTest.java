package sosrelay.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sosrelay.incident.Incident;

class SpokenTextTest {

    @Test
    void saysTheTypeWhoReportedItAndWhenInIndianTime() {
        Incident incident = new Incident("inc-aaaaaaaaaaaaaaaaaaaa", "exotel-call", "sid", "Heart", null, "Front desk",
                Instant.parse("2021-07-16T10:11:28Z"), null, null, null, List.of());

        assertThat(SpokenText.summary(incident)).isEqualTo("Emergency alert. Heart emergency, reported by Front desk at 3:41 PM."
                + " Please respond immediately. I repeat: Heart emergency.");
    }

    @Test
    void dropsMarkupAndSymbolsATextToSpeechEngineWouldReadOut() {
        Incident incident = new Incident("inc-aaaaaaaaaaaaaaaaaaaa", "exotel-call", "sid", "<b>Heart</b>", null,
                "0932419xx<script>", null, null, null, null, List.of());

        assertThat(SpokenText.summary(incident)).doesNotContain("<", ">", "/").contains("b Heart b emergency");
    }
}
