package sosrelay.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduledInvocationsTest {

    @Test
    void readsEventBridgeRatesInEachUnitAndNothingElse() {
        assertThat(ScheduledInvocations.rate("rate(1 minute)")).contains(Duration.ofMinutes(1));
        assertThat(ScheduledInvocations.rate("rate(5 minutes)")).contains(Duration.ofMinutes(5));
        assertThat(ScheduledInvocations.rate("rate(2 hours)")).contains(Duration.ofHours(2));
        assertThat(ScheduledInvocations.rate("rate(1 day)")).contains(Duration.ofDays(1));
        assertThat(ScheduledInvocations.rate("cron(0 10 ? * MON *)")).isEmpty();
        assertThat(ScheduledInvocations.rate("rate(1 fortnight)")).isEmpty();
    }

    @Test
    void theOverrideIsInSecondsAndAbsentWhenUnset() {
        assertThat(ScheduledInvocations.override("0.5")).contains(Duration.ofMillis(500));
        assertThat(ScheduledInvocations.override(" ")).isEqualTo(Optional.empty());
        assertThat(ScheduledInvocations.override(null)).isEmpty();
    }
}
