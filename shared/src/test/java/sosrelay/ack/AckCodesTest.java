package sosrelay.ack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckCodesTest {

    @Test
    void sixDigitsThatTheSameIncidentAlwaysGets() {
        String code = AckCodes.of("inc-f4ozhr7np263xfwdrpb2");

        assertThat(code).matches("[1-9][0-9]{5}").isEqualTo(AckCodes.of("inc-f4ozhr7np263xfwdrpb2"));
        assertThat(AckCodes.of("inc-wqdxeturcfopnqak5iwv")).isNotEqualTo(code);
    }
}
