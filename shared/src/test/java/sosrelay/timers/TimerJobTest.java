package sosrelay.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimerJobTest {

    @Test
    void everyKindRoundTripsThroughJson() {
        Instant due = Instant.parse("2026-11-20T10:15:00Z");
        for (TimerJob job : new TimerJob[] {
                TimerJob.retry(due, "inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "call", 2),
                TimerJob.callCheck(due, "inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", 1, "exo-1", 3),
                TimerJob.escalate(due, "inc-aaaaaaaaaaaaaaaaaaaa", 0, 0),
                TimerJob.recordingFetch(due, "inc-aaaaaaaaaaaaaaaaaaaa", 3)}) {
            assertThat(TimerJob.fromJson(job.toJson())).isEqualTo(job);
        }
    }

    @Test
    void refusesWhatIsNotATimer() {
        assertThatThrownBy(() -> TimerJob.fromJson("{\"kind\":\"NAP\",\"dueAt\":\"2026-11-20T10:15:00Z\",\"incidentId\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimerJob.fromJson("{\"kind\":\"RETRY\",\"dueAt\":\"2026-11-20T10:15:00Z\"}"))
                .hasMessageContaining("incidentId is missing");
    }
}
