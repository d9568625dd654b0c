package sosrelay.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signals the operators' alarms watch: each must land on the metric and dimension its alarm in template.yaml names. */
class OperatorSignalsTest {

    @Test
    void aDevicesRaiseRefusedByALimitPagesAsARaiseThatRangNobody() {
        List<Map<String, Object>> lines;
        try (StdoutCapture out = new StdoutCapture()) {
            OperatorSignals.nobodyRung("exotel-call", "inc-aaaaaaaaaaaaaaaaaaaa");
            OperatorSignals.raiseRefused("g6xhcko4jc", "hourly-raise-limit");
            lines = out.metricLines();
        }

        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line)
                .containsEntry("Source", "raise").containsEntry(OperatorSignals.NOBODY_RUNG, 1));
        assertThat(lines.get(1)).containsEntry("apiKeyId", "g6xhcko4jc").containsEntry("refusedBy", "hourly-raise-limit");
    }
}
