package sosrelay.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.messages.Placeholder;
import sosrelay.config.Settings;

class DltTemplateTest {

    @Test
    void eachValueIsCutAtAWordBoundaryToThirtyCharacters() {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.DESCRIPTION, "Patient collapsed near the pharmacy, unconscious");
        values.put(Placeholder.LOCATION, "Ward3-ICU-bed-17-next-to-the-window-on-the-left");
        values.put(Placeholder.TYPE, "Heart");

        Map<Placeholder, String> fitted = DltTemplate.fitted(values);

        assertThat(fitted.get(Placeholder.DESCRIPTION)).isEqualTo("Patient collapsed near the");
        assertThat(fitted.get(Placeholder.LOCATION)).isEqualTo("Ward3-ICU-bed-17-next-to-the-w").hasSize(30);
        assertThat(fitted.get(Placeholder.TYPE)).isEqualTo("Heart");
        assertThat(fitted.values()).allSatisfy(value -> assertThat(value).hasSizeLessThanOrEqualTo(DltTemplate.MAX_VARIABLE));
    }

    @Test
    void aLinkThatDoesNotFitIsLeftOutNotCut() {
        assertThat(DltTemplate.fit("https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/xx_0.mp3")).isEqualTo("none");
        assertThat(DltTemplate.fit("https://sos.example/r/abc")).isEqualTo("https://sos.example/r/abc");
    }

    @Test
    void aTemplateWithALinkOutsideThePublicBaseUrlIsRefusedByName() {
        assertThatThrownBy(() -> DltTemplate.checkUrls("Help at https://bit.ly/x now", "SMS_TEMPLATE", "https://sos.example.in/Prod"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("SMS_TEMPLATE carries the URL https://bit.ly/x, which is not under SOS_PUBLIC_BASE_URL (https://sos.example.in/Prod)");
        assertThatThrownBy(() -> DltTemplate.checkUrls("See https://sos.example.in.evil.com/x", "SMS_TEMPLATE", "https://sos.example.in"))
                .isInstanceOf(IllegalStateException.class);

        DltTemplate.checkUrls("Listen: https://sos.example.in/Prod/r/{recording}", "SMS_TEMPLATE", "https://sos.example.in/Prod/");
        DltTemplate.checkUrls(Settings.DEFAULT_MESSAGE_TEMPLATE, "SMS_TEMPLATE", null);
    }

    @Test
    void theRegisteredFormHasAVarForEveryPlaceholder() {
        assertThat(DltTemplate.registered("{type} at {location}. To acknowledge: {acknowledge}.", null))
                .isEqualTo("{#var#} at {#var#}. To acknowledge: {#var#}.");
    }

    @Test
    void theLinksBaseIsTemplateTextAndOnlyItsTokenIsAVar() {
        assertThat(DltTemplate.registered("{type}. Recording: {link} Ref: {ref}.", "https://sos.example.in/Prod/"))
                .isEqualTo("{#var#}. Recording: https://sos.example.in/Prod/r/{#var#} Ref: {#var#}.");
        assertThat(DltTemplate.registered(Settings.DEFAULT_MESSAGE_TEMPLATE, "https://sos.example.in"))
                .contains(" Recording: https://sos.example.in/r/{#var#} Ref: ");
        assertThatThrownBy(() -> DltTemplate.registered("Recording: {link}", null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SOS_PUBLIC_BASE_URL");
    }

    @Test
    void aLinkIsNeverCutItsTokenFitsOneVar() {
        String link = "https://sos.example.in/Prod/r/q0fP5Zr8sT2vW4xY6zA1bQ";
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.LINK, link);
        values.put(Placeholder.LOCATION, "https://sos.example.in/Prod/r/q0fP5Zr8sT2vW4xY6zA1bQ");

        Map<Placeholder, String> fitted = DltTemplate.fitted(values);

        assertThat(link).hasSizeGreaterThan(DltTemplate.MAX_VARIABLE);
        assertThat(fitted.get(Placeholder.LINK)).as("the link whole: only its token is a variable").isEqualTo(link);
        assertThat(fitted.get(Placeholder.LOCATION)).as("a URL anywhere else is one variable: left out").isEqualTo("none");
        assertThat(DltTemplate.fitLink("https://sos.example.in/r/" + "t".repeat(31))).isEqualTo("https://sos.example.in/r/none");
        assertThat(DltTemplate.fitLink("https://sos.example.in/r/" + "t".repeat(30))).isEqualTo("https://sos.example.in/r/" + "t".repeat(30));
    }

    @Test
    void hindiNeedsUnicodeEnglishDoesNot() {
        assertThat(SmsEncoding.needsUnicode("Heart emergency at 3:41 PM. Ward 3 (ICU) @ 50% - ok?")).isFalse();
        assertThat(SmsEncoding.needsUnicode("हृदय emergency reported by डॉ. राव")).isTrue();
        assertThat(SmsEncoding.needsUnicode("Dr. Rao’s patient")).as("a curly apostrophe").isTrue();
    }
}
