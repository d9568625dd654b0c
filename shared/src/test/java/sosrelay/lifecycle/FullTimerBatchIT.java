package sosrelay.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.delivery.DeliveryJob;
import sosrelay.timers.TimerJob;

/**
 * A full batch of ten timers that each dispatch, on the timer function's wiring: every task of the batch waits for
 * its dispatch's queueing, so the queueing must never wait behind the batch on the same pool.
 */
class FullTimerBatchIT {
    @RegisterExtension
    static final LifecycleHarness harness = new LifecycleHarness();

    @Test
    void tenRetryTimersInOneBatchEachDispatchTheirCall() {
        harness.reset(tenPeople());
        String incidentId = harness.raise("full-timer-batch");
        assertThat(harness.stack.drainQueue("CallJobsQueue")).hasSize(10);
        harness.stack.send("TimersQueue", IntStream.range(0, 10)
                .mapToObj(i -> TimerJob.retry(Instant.now().minusSeconds(1), incidentId, "p" + i, "call", 2).toJson()).toList());
        SQSEvent batch = harness.stack.batch("TimersQueue", 10);

        SQSBatchResponse response = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> harness.wiring.timerJobs().process(batch));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(harness.stack.drainQueue("CallJobsQueue").stream().map(DeliveryJob::fromJson))
                .extracting(DeliveryJob::personId, DeliveryJob::attempt)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10)
                        .mapToObj(i -> org.assertj.core.groups.Tuple.tuple("p" + i, 2)).toList());
    }

    private static Map<String, Object> tenPeople() {
        List<Map<String, Object>> people = IntStream.range(0, 10)
                .mapToObj(i -> Map.<String, Object>of("id", "p" + i, "name", "Person " + i, "phone", "98000000" + (10 + i))).toList();
        return Map.of("defaultType", "Heart", "people", people,
                "types", Map.of("Heart", Map.of("retry", Map.of("attempts", 3, "after", "1s"),
                        "tiers", List.of(Map.of("notify", people.stream().map(p -> p.get("id")).toList())))));
    }
}
