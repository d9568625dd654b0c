package sosrelay.greeting;

import sosrelay.directory.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Language;
import sosrelay.incident.Incident;
import sosrelay.incident.Recording;
import sosrelay.incident.Trigger;

class SpokenTextTest {

    @Test
    void saysTheTypeWhoReportedItAndWhenInIndianTime() {
        Incident incident = new Incident("inc-aaaaaaaaaaaaaaaaaaaa",
                new Trigger("exotel-call", "sid", "Front desk", Instant.parse("2021-07-16T10:11:28Z"), null, null),
                "Heart", null, Recording.NONE, List.of(), List.of(), RetryPolicy.DEFAULT, null);

        assertThat(SpokenText.summary(incident, Language.EN)).isEqualTo("Emergency alert. Heart emergency, reported by Front desk at 3:41 PM."
                + " Please respond immediately. I repeat: Heart emergency.");
    }

    @Test
    void aDeviceOrAlarmIncidentAlsoSaysWhereAndWhat() {
        Incident incident = new Incident("inc-aaaaaaaaaaaaaaaaaaaa",
                new Trigger("device", "k1", "device-42", Instant.parse("2021-07-16T10:11:28Z"), "Smoke detected in the pantry.",
                        "Ward 3"), "Fire", null, Recording.NONE, List.of(), List.of(), RetryPolicy.DEFAULT, null);

        assertThat(SpokenText.summary(incident, Language.EN)).isEqualTo("Emergency alert. Fire emergency, reported by device-42 at 3:41 PM."
                + " Location: Ward 3. Smoke detected in the pantry. Please respond immediately. I repeat: Fire emergency.");
    }

    @Test
    void dropsMarkupAndSymbolsATextToSpeechEngineWouldReadOut() {
        Incident incident = new Incident("inc-aaaaaaaaaaaaaaaaaaaa",
                new Trigger("exotel-call", "sid", "0932419xx<script>", null, null, null),
                "<b>Heart</b>", null, Recording.NONE, List.of(), List.of(), RetryPolicy.DEFAULT, null);

        assertThat(SpokenText.summary(incident, Language.EN)).doesNotContain("<", ">", "/").contains("b Heart b emergency");
    }

    @Test
    void keepsTheVowelSignsAndViramasOfIndicScripts() {
        Incident incident = new Incident("inc-aaaaaaaaaaaaaaaaaaaa",
                new Trigger("device", "k1", "डॉ. राव", null, "वार्ड 3 में हृदय रोगी", "வார்டு 3"),
                "हृदय", null, Recording.NONE, List.of(), List.of(), RetryPolicy.DEFAULT, null);

        assertThat(SpokenText.summary(incident, Language.EN)).contains("हृदय emergency, reported by डॉ. राव", "Location: வார்டு 3.",
                "वार्ड 3 में हृदय रोगी.");
    }

    @Test
    void inHindiTheWholeSummaryIsHindiWithA24HourClock() {
        Incident incident = new Incident("inc-aaaaaaaaaaaaaaaaaaaa",
                new Trigger("device", "k1", "device-42", Instant.parse("2021-07-16T10:11:28Z"), null, "Ward 3"),
                "Fire", null, Recording.NONE, List.of(), List.of(), RetryPolicy.DEFAULT, null);

        assertThat(SpokenText.summary(incident, Language.HI)).isEqualTo("आपातकालीन सूचना. Fire आपातकाल, सूचना देने वाले device-42, समय 15:41."
                + " स्थान: Ward 3. कृपया तुरंत प्रतिक्रिया दें. मैं दोहराता हूँ: Fire आपातकाल.");
        assertThat(SpokenText.generic(Language.HI)).doesNotContainPattern("[A-Za-z]{3,}");
        assertThat(SpokenText.unanswered(incident, Language.HI)).contains("Fire आपातकाल", "ओवरहेड पेज").doesNotContain("Nobody");
    }
}
