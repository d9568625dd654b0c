package sosrelay.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 20: a failed job's next try is never more than 30 s away, however many tries failed or what the job asked for. */
class BatchWorkerTest {
    private static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(120));

    @Test
    void theBackoffGrowsWithEachReceiveAndStopsAtThirtySeconds() {
        assertThat(BatchWorker.nextWait(null, 1, BACKOFF)).isEqualTo(Duration.ofSeconds(2));
        assertThat(BatchWorker.nextWait(null, 2, BACKOFF)).isEqualTo(Duration.ofSeconds(5));
        assertThat(BatchWorker.nextWait(null, 3, BACKOFF)).isEqualTo(Duration.ofSeconds(30));
        assertThat(BatchWorker.nextWait(null, 40, BACKOFF)).as("the last repeats, capped").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aJobsOwnWaitIsKeptUpToThirtySeconds() {
        assertThat(BatchWorker.nextWait(Duration.ofSeconds(7), 5, BACKOFF)).as("a provider's Retry-After").isEqualTo(Duration.ofSeconds(7));
        assertThat(BatchWorker.nextWait(Duration.ofSeconds(61), 1, BACKOFF)).as("a claim held elsewhere for a minute")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(BatchWorker.nextWait(Duration.ZERO, 1, BACKOFF)).as("a malformed job, at once to its dead-letter queue").isZero();
    }
}
