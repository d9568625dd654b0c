package sosrelay.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExotelTimesTest {

    @Test
    void readsBothOfExotelsShapesAsIndianStandardTime() {
        assertThat(ExotelTimes.parse("Fri, 16 Jul 2021 15:47:25")).isEqualTo(Instant.parse("2021-07-16T10:17:25Z"));
        assertThat(ExotelTimes.parse("2021-07-16 15:41:28")).isEqualTo(Instant.parse("2021-07-16T10:11:28Z"));
        assertThat(ExotelTimes.parse("Mon, 5 Jul 2021 09:00:00")).isEqualTo(Instant.parse("2021-07-05T03:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2021-13-45 99:99:99", "Fri, 16 Jul 2021"})
    void answersNullForAnythingElse(String text) {
        assertThat(ExotelTimes.parse(text)).isNull();
    }
}
