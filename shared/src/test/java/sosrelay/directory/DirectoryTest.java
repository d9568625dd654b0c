package sosrelay.directory;

import static org.assertj.core.api.Assertions.assertThat;

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
    void findsAReporterByPhone() {
        assertThat(directory.personWithPhone("+919800000003").name()).isEqualTo("Duty manager");
        assertThat(directory.personWithPhone("+919811111111")).isNull();
    }
}
