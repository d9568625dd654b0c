package sosrelay.messages;

import sosrelay.directory.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Channel;
import sosrelay.directory.Language;
import sosrelay.directory.Person;
import sosrelay.incident.Incident;
import sosrelay.incident.Recording;
import sosrelay.incident.Trigger;
import sosrelay.config.Settings;

class MessageTemplateTest {
    private static final String RECORDING = "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/xx_0.mp3";
    private static final String CODE = "482913";
    private static final String LINK = "https://sos.example/r/q0fP5Zr8sT2vW4xY6zA1bQ";
    private static final String ALL = "{type}|{description}|{recording}|{ref}|{reporter}|{location}|{time}|{ackCode}";

    private static Incident incident(String description, String location) {
        // 15:41:28 IST is 10:11:28 UTC
        Trigger trigger = new Trigger("exotel-call", "fd7a", "Front desk", Instant.parse("2021-07-16T10:11:28Z"),
                description, location);
        return new Incident("inc-f4ozhr7np263xfwdrpb2", trigger, "Heart", null,
                new Recording(RECORDING, null, null),
                List.of(new Person("dr-rao", "Dr. Rao", "+919800000001", List.of(Channel.SMS))), List.of(), RetryPolicy.DEFAULT, null);
    }

    @Test
    void fillsEveryPlaceholderFromTheIncidentWithTheTimeInIst() {
        String text = new MessageTemplate(ALL, 2000).render(IncidentValues.of(incident("Chest pain", "Ward 3"), CODE, Language.EN));

        assertThat(text).isEqualTo("Heart|Chest pain|on the call|inc-f4ozhr7np263xfwdrpb2|Front desk|Ward 3|3:41 PM|"
                + CODE);
    }

    @Test
    void missingValuesBecomeShortNeutralWords() {
        Trigger bare = new Trigger("exotel-call", "fd7a", null, null, null, "  ");
        Incident incident = new Incident("inc-1", bare, "Heart", null, Recording.NONE, List.of(), List.of(), RetryPolicy.DEFAULT, null);

        assertThat(new MessageTemplate(ALL, 2000).render(IncidentValues.of(incident, CODE, Language.EN)))
                .isEqualTo("Heart|none|none|inc-1|unknown|none|unknown|" + CODE);
    }

    @Test
    void valuesAreFlattenedToOneLineAndNotExpandedAgain() {
        String text = new MessageTemplate("{description} {ref}", 2000)
                .render(IncidentValues.of(incident("Collapsed\n\n  says {ref}", null), CODE, Language.EN));

        assertThat(text).isEqualTo("Collapsed says {ref} inc-f4ozhr7np263xfwdrpb2");
    }

    @Test
    void theTextOtherThanPlaceholdersIsKeptAsWritten() {
        assertThat(new MessageTemplate("{nope} {type}: {{ref}}", 2000).render(IncidentValues.of(incident(null, null), CODE, Language.EN)))
                .isEqualTo("{nope} Heart: {inc-f4ozhr7np263xfwdrpb2}");
    }

    @Test
    void anUnknownIncidentStillFillsTheTemplateWithItsRefAndWhatToDo() {
        Map<Placeholder, String> values = IncidentValues.unknownIncident("inc-9", CODE, Language.EN);
        values.put(Placeholder.LINK, "https://sos.example/r/none");
        String text = new MessageTemplate(Settings.DEFAULT_MESSAGE_TEMPLATE, 2000).render(values);

        assertThat(text).isEqualTo("SOS Relay: Unspecified emergency at unknown. Location: call the emergency desk. Recording: https://sos.example/r/none"
                + " Ref: inc-9. To acknowledge: Press 1 on the call.");
    }

    @Test
    void anOverlongMessageShortensTheDescriptionFirstAndKeepsTypeRefAndLink() {
        String text = new MessageTemplate("{type}: {description}. {location}. {recording} Ref: {ref}. Reply {ackCode}", 2000)
                .render(IncidentValues.of(incident("x".repeat(5000), "Ward 3"), CODE, Language.EN));

        assertThat(text).hasSize(2000)
                .startsWith("Heart: xxx")
                .contains("x.... Ward 3. on the call Ref: inc-f4ozhr7np263xfwdrpb2")
                .endsWith("Ref: inc-f4ozhr7np263xfwdrpb2. Reply " + CODE);
    }

    @Test
    void theDefaultTextCarriesTypeTimeAndPlaceButNeitherTheCallersNumberNorFreeTextNorExotelsRecordingUrl() {
        Trigger call = new Trigger("exotel-call", "fd7a", "09324190000", Instant.parse("2021-07-16T10:11:28Z"), "he is dying", "Ward 3");
        Incident incident = new Incident("inc-f4ozhr7np263xfwdrpb2", call, "Heart", null, new Recording(RECORDING, null, null), List.of(),
                List.of(), RetryPolicy.DEFAULT, null);

        Map<Placeholder, String> values = IncidentValues.of(incident, CODE, Language.EN);
        values.put(Placeholder.LINK, LINK);
        String text = new MessageTemplate(Settings.DEFAULT_MESSAGE_TEMPLATE, 2000).render(values);

        assertThat(text).isEqualTo("SOS Relay: Heart emergency at 3:41 PM. Location: Ward 3. Recording: " + LINK
                + " Ref: inc-f4ozhr7np263xfwdrpb2. To acknowledge: Press 1 on the call.");
        assertThat(new MessageTemplate(Settings.DEFAULT_MESSAGE_TEMPLATE, 2000).uses(Placeholder.LINK)).isTrue();
        assertThat(new MessageTemplate(Settings.DEFAULT_MESSAGE_TEMPLATE_HI, 2000).uses(Placeholder.LINK)).isTrue();
        assertThat(new MessageTemplate(Settings.DEFAULT_STAND_DOWN_TEMPLATE, 2000).uses(Placeholder.LINK)).isFalse();
        assertThat(new MessageTemplate("{reporter}", 2000).render(IncidentValues.of(incident, CODE, Language.EN)))
                .as("a template that asks for the reporter gets the number masked").isEqualTo("+91******0000");
    }

    @Test
    void whenTheDescriptionIsNotEnoughTheLocationAndReporterGiveWayToo() {
        Map<Placeholder, String> values = new EnumMap<>(IncidentValues.of(incident("d".repeat(300), "l".repeat(300)), CODE, Language.EN));
        values.put(Placeholder.REPORTER, "r".repeat(300));
        values.put(Placeholder.LINK, LINK);

        String text = new MessageTemplate("{type} {description} {location} {reporter} {ref} {recording} {link}", 300).render(values);

        assertThat(text).hasSizeLessThanOrEqualTo(300).startsWith("Heart ")
                .as("the link whole").endsWith(" inc-f4ozhr7np263xfwdrpb2 on the call " + LINK)
                .doesNotContain("ddd").doesNotContain("lll");
    }

    @Test
    void aDescriptionUsedTwiceGivesUpItsShareInBothPlaces() {
        String text = new MessageTemplate("{description}/{description} {ref}", 60)
                .render(IncidentValues.of(incident("y".repeat(100), null), CODE, Language.EN));

        assertThat(text).hasSizeLessThanOrEqualTo(60).endsWith(" inc-f4ozhr7np263xfwdrpb2").contains(".../y");
    }

    @Test
    void aTemplateTooLongByItselfLosesOnlyItsEnd() {
        String text = new MessageTemplate("{type} " + "t".repeat(3000), 2000).render(IncidentValues.of(incident(null, null), CODE, Language.EN));

        assertThat(text).hasSize(2000).startsWith("Heart ttt");
    }

    @Test
    void anEmptyTemplateIsAConfigurationError() {
        assertThatThrownBy(() -> new MessageTemplate(" ", 2000)).isInstanceOf(IllegalArgumentException.class);
    }
}
