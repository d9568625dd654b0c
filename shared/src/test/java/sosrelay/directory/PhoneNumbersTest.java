package sosrelay.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"+919800000001", "919800000001", "09800000001", "9800000001", "+91 98000-00001",
            "0091 98000 00001", "(0) 98000 00001"})
    void writesIndianNumbersInE164(String written) {
        assertThat(PhoneNumbers.toE164(written)).isEqualTo("+919800000001");
    }

    @Test
    void keepsOtherCountriesWithTheirPlus() {
        assertThat(PhoneNumbers.toE164("+14155550100")).isEqualTo("+14155550100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "+9198000", "98000000011234", "phone", "+91980000000a", "", "+0123456789"})
    void refusesWhatIsNotAPhoneNumber(String written) {
        assertThat(PhoneNumbers.toE164(written)).isNull();
    }

    @Test
    void masksTheNumbersAProvidersErrorNamesAndNothingElse() {
        assertThat(PhoneNumbers.maskWithin("Plivo 400: '919800000001' is not a valid phone number."))
                .isEqualTo("Plivo 400: '********0001' is not a valid phone number.");
        assertThat(PhoneNumbers.maskWithin("from +919800000001, message 12571485362529639296-962980860009973294, code 1006"))
                .isEqualTo("from +91******0001, message 12571485362529639296-962980860009973294, code 1006");
        assertThat(PhoneNumbers.maskWithin("sid a1b2c3d4e5f60718293a4b5c")).isEqualTo("sid a1b2c3d4e5f60718293a4b5c");
    }

    @Test
    void masksAllButTheCountryCodeAndTheLastFourDigits() {
        assertThat(PhoneNumbers.mask("+919800000001")).isEqualTo("+91******0001");
    }
}
