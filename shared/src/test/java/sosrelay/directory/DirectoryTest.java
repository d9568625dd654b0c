package sosrelay.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectoryTest {
    private final Directory directory = DirectoryParser.parse(DirectoryParserTest.sample());

    @Test
    void choosesTheTypeByNameWhateverTheLetterCase() {
        TypeChoice choice = directory.chooseType(" heart ", null);

        assertThat(choice.type().name()).isEqualTo("Heart");
        assertThat(choice.note()).isNull();
    }

    @Test
    void choosesTheTypeByTheQuotedIvrDigitExotelSends() {
        assertThat(directory.chooseType(null, "\"1\"").type().name()).isEqualTo("Heart");
    }

    @Test
    void fallsBackToTheDefaultTypeAndSaysWhy() {
        TypeChoice unknown = directory.chooseType("Kidney", null);
        TypeChoice badDigit = directory.chooseType("", "\"7\"");
        TypeChoice nothing = directory.chooseType(null, null);

        assertThat(unknown.type().name()).isEqualTo("General");
        assertThat(unknown.note()).isEqualTo("unknown emergency type 'Kidney'; alerted the default type General");
        assertThat(badDigit.type().name()).isEqualTo("General");
        assertThat(badDigit.note()).startsWith("no emergency type has IVR digit '7'");
        assertThat(nothing.type().name()).isEqualTo("General");
        assertThat(nothing.note()).startsWith("no emergency type given");
    }

    @Test
    void mapsAnAlarmByExactNameBeforeTheLongestPrefixElseTheDefaultType() {
        Map<String, Object> doc = new java.util.HashMap<>(DirectoryParserTest.sample());
        doc.put("alarms", List.of(Map.of("match", "prod-*", "type", "General"), Map.of("match", "prod-db-*", "type", "Heart"),
                Map.of("match", "prod-db-replica-lag", "type", "General")));
        Directory withAlarms = DirectoryParser.parse(doc);

        assertThat(withAlarms.typeForAlarm("prod-db-primary-down").type().name()).isEqualTo("Heart");
        assertThat(withAlarms.typeForAlarm("prod-db-replica-lag").type().name()).isEqualTo("General");
        assertThat(withAlarms.typeForAlarm("prod-api-5xx").type().name()).isEqualTo("General");
        TypeChoice unmapped = withAlarms.typeForAlarm("staging-api-5xx");
        assertThat(unmapped.type().name()).isEqualTo("General");
        assertThat(unmapped.note()).isEqualTo("no alarm route matches 'staging-api-5xx'; alerted the default type General");
    }

    @Test
    void refusesAlarmRoutesThatCannotWork() {
        Map<String, Object> doc = new java.util.HashMap<>(DirectoryParserTest.sample());
        doc.put("alarms", List.of(Map.of("match", "*", "type", "Heart"), Map.of("match", "a*b", "type", "Heart"),
                Map.of("match", "db-*", "type", "Plumbing")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DirectoryParser.parse(doc))
                .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> assertThat(e.problems()).hasSize(3)
                        .anySatisfy(p -> assertThat(p).startsWith("alarms[0]: match must be"))
                        .anySatisfy(p -> assertThat(p).startsWith("alarms[1]: match must be"))
                        .anySatisfy(p -> assertThat(p).startsWith("alarms[2]: type 'Plumbing' is not one of the types")));
    }

    @Test
    void findsAReporterByPhone() {
        assertThat(directory.personWithPhone("+919800000003").name()).isEqualTo("Duty manager");
        assertThat(directory.personWithPhone("+919811111111")).isNull();
    }
}
