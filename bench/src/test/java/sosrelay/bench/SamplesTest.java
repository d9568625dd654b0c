package sosrelay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void theMedianAndSpreadAreOfTheRunsGiven() {
        Samples samples = Samples.of(List.of(30.0, 10.0, 20.0));

        assertThat(samples.median()).isEqualTo(20.0);
        assertThat(samples.describe()).isEqualTo("20 ms (10–30, 3 runs)");
    }

    @Test
    void p99OfFiftyIsTheLargestByNearestRank() {
        Samples samples = new Samples();
        for (int i = 1; i <= 50; i++) {
            samples.add(i);
        }

        // Nearest rank: ceil(0.99 × 50) = 50, the largest; of 250 samples it would be rank 248.
        assertThat(samples.percentile(99)).isEqualTo(50.0);
        assertThat(samples.percentile(98)).isEqualTo(49.0);
        assertThat(samples.percentile(50)).isEqualTo(25.0);
    }
}
