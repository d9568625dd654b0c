package sosrelay.greeting;

import sosrelay.directory.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sosrelay.incident.Incident;
import sosrelay.incident.Recording;
import sosrelay.incident.Trigger;

class SpokenTextTest {

    @Test
    void saysTheTypeWhoReportedItAndWhenInIndianTime() {
        Incident incident = new Incident("inc-aaaaaaaaaaaaaaaaaaaa",
                new Trigger("exotel-call", "sid", "Front desk", Instant.parse("2021-07-16T10:11:28Z"), null, null),
                "Heart", null, Recording.NONE, List.of(), List.of(), RetryPolicy.DEFAULT, null);

        assertThat(SpokenText.summary(incident)).isEqualTo("Emergency alert. Heart emergency, reported by Front desk at 3:41 PM."
                + " Please respond immediately. I repeat: Heart emergency.");
    }

    @Test
    void aDeviceOrAlarmIncidentAlsoSaysWhereAndWhat() {
        Incident incident = new Incident("inc-aaaaaaaaaaaaaaaaaaaa",
                new Trigger("device", "k1", "device-42", Instant.parse("2021-07-16T10:11:28Z"), "Smoke detected in the pantry.",
                        "Ward 3"), "Fire", null, Recording.NONE, List.of(), List.of(), RetryPolicy.DEFAULT, null);

        assertThat(SpokenText.summary(incident)).isEqualTo("Emergency alert. Fire emergency, reported by device-42 at 3:41 PM."
                + " Location: Ward 3. Smoke detected in the pantry. Please respond immediately. I repeat: Fire emergency.");
    }

    @Test
    void dropsMarkupAndSymbolsATextToSpeechEngineWouldReadOut() {
        Incident incident = new Incident("inc-aaaaaaaaaaaaaaaaaaaa",
                new Trigger("exotel-call", "sid", "0932419xx<script>", null, null, null),
                "<b>Heart</b>", null, Recording.NONE, List.of(), List.of(), RetryPolicy.DEFAULT, null);

        assertThat(SpokenText.summary(incident)).doesNotContain("<", ">", "/").contains("b Heart b emergency");
    }
}
