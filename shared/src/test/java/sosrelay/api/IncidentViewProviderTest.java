package sosrelay.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 22: each delivery shows the provider it went through, on the board and in the incident view. */
class IncidentViewProviderTest {
    @Test
    void aCallsProviderIsToldByItsIdAndNoneUntilOneTookIt() {
        assertThat(IncidentView.provider("call", "b6cfaf0a5e8c")).isEqualTo("exotel");
        assertThat(IncidentView.provider("call", "plivo-9f1c6a2e")).isEqualTo("plivo");
        assertThat(IncidentView.provider("call", null)).isNull();
    }

    @Test
    void textsHaveOneProviderEach() {
        assertThat(IncidentView.provider("sms", "sms-sid")).isEqualTo("exotel");
        assertThat(IncidentView.provider("whatsapp", "4937213891437419583-1")).isEqualTo("gupshup");
    }
}
