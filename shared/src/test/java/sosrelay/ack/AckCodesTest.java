package sosrelay.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AckCodesTest {

    @Test
    void sixDigitsDrawnAtRandomNotFromAnythingPrintedBesideThem() {
        Set<String> codes = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> codes.add(AckCodes.newCode()));

        assertThat(codes).allSatisfy(code -> assertThat(code).matches("[1-9][0-9]{5}"));
        assertThat(codes).as("1,000 draws from 900,000 codes are nearly all different").hasSizeGreaterThan(990);
    }
}
