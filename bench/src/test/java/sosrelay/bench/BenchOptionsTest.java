package sosrelay.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void slowRowsRunTheLongRunCountAndTheOthersTheShort() {
        BenchOptions options = BenchOptions.parse("--runs", "5", "--long-runs", "2");

        assertThat(options.runsFor(200, true)).isEqualTo(2);
        assertThat(options.runsFor(200, false)).isEqualTo(5);
        assertThat(options.runsFor(20, true)).isEqualTo(5);
    }

    @Test
    void theDirectoryAlwaysHasTheOneAndTwentyPersonTypes() {
        assertThat(BenchOptions.parse("--sizes", "200").directoryGroups()).containsExactly(200, 1, 20);
    }

    @Test
    void onlyTheSectionsNamedRunAndAnUnknownOneIsRefused() {
        BenchOptions options = BenchOptions.parse("--only", "aws,staggered");

        assertThat(options.runs("aws")).isTrue();
        assertThat(options.runs("dispatch")).isFalse();
        assertThat(BenchOptions.parse().runs("limit")).isTrue();
        assertThatThrownBy(() -> BenchOptions.parse("--only", "awz")).hasMessageContaining("unknown section awz");
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("usage: " + BenchOptions.USAGE);
    }
}
