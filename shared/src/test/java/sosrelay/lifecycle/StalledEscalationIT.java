package sosrelay.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.config.Env;
import sosrelay.wiring.Wiring;

/**
 * An escalation whose worker recorded the next tier as active and then stopped before ringing it (here its call queues
 * are gone, so the dispatch fails after the advance) is resumed by the timer SQS delivers again: the next tier is rung,
 * once. The redelivery is run by a worker whose clock is past the guard (a Lambda that died or timed out is redelivered
 * after the queue's 180 s visibility timeout, well past it), so the test needs no real wait.
 */
class StalledEscalationIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final LifecycleHarness harness = new LifecycleHarness();

    /** Heart: dr-rao has 2 s; then the duty manager. No retries, so only escalation can ring anyone again. */
    private static Map<String, Object> twoTiers() {
        return Map.of(
                "defaultType", "Heart",
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "9800000001"),
                        Map.of("id", "duty-manager", "name", "Duty manager", "phone", "9800000003")),
                "types", Map.of("Heart", Map.of(
                        "retry", Map.of("attempts", 1, "after", "1s"),
                        "tiers", List.of(
                                Map.of("notify", List.of("dr-rao"), "escalateAfter", "2s"),
                                Map.of("notify", List.of("duty-manager"), "escalateAfter", "1h")))));
    }

    @Test
    void aTierRecordedAsActiveButNeverRungIsRungOnceByTheRedeliveredTimer() {
        harness.reset(twoTiers());
        String id = harness.raise("stalled-escalation-1");
        assertThat(harness.pumpCalls()).isEqualTo(1);

        Map<String, String> broken = new HashMap<>(harness.environment());
        broken.put("CALL_QUEUE_URL", broken.get("CALL_QUEUE_URL") + "-gone");
        broken.put("URGENT_CALL_QUEUE_URL", broken.get("URGENT_CALL_QUEUE_URL") + "-gone");
        Wiring dying = new Wiring(Env.of(broken));
        pumpTimersUntil(dying, true, "the escalation to record tier 2 as active", () -> harness.progress.state(id).orElseThrow().activeTier() == 1);
        assertThat(dyingFailed).as("its worker reported the job failed, so SQS delivers it again").isTrue();
        assertThat(harness.hasCall(id, "duty-manager")).as("its dispatch failed after the advance").isFalse();

        Wiring later = new Wiring(Env.of(harness.environment()), Clock.offset(Clock.systemUTC(), Duration.ofSeconds(40)));
        pumpTimersUntil(later, false, "the duty manager's call", () -> {
            harness.pumpCalls();
            return harness.hasCall(id, "duty-manager");
        });
        long quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        pumpTimersUntil(later, false, "three quiet seconds", () -> {
            harness.pumpCalls();
            return System.nanoTime() > quietUntil;
        });

        assertThat(harness.call(id, "duty-manager").attempt()).as("rung once").isEqualTo(1);
        assertThat(harness.connects()).as("dr-rao once, the duty manager once").isEqualTo(2);
        assertThat(harness.timeline(id)).filteredOn(e -> "escalated".equals(e.get("event"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("tier", "2"));
    }

    private boolean dyingFailed;

    /** Runs the timers through {@code worker} until {@code condition} holds; {@code dying}: its failed jobs are expected. */
    private void pumpTimersUntil(Wiring worker, boolean dying, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            try {
                harness.stack.pump("TimersQueue", event -> worker.timerJobs().process(event));
            } catch (IllegalStateException failedJobs) {
                // The dying worker's failed job is back on the queue after its backoff; any other failure is real.
                if (!dying) {
                    throw failedJobs;
                }
                dyingFailed = true;
            }
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what);
    }
}
