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
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.wiring.Wiring;

/**
 * An escalation whose worker recorded the next tier as active and then stopped before ringing it (here its call queues
 * are gone, so the dispatch fails after the advance) is resumed: from a timer, by that timer delivered again; from a
 * decline (a webhook, delivered once), by the declined tier's own deadline. The next tier is rung once. The resuming
 * worker's clock is past {@code Escalation.NOTIFIER_GONE} (a Lambda that died or timed out is delivered again after the
 * queue's 180 s visibility timeout, well past it), so the tests need no real wait; one delivered again sooner is left
 * alone, its notifier maybe only slow.
 */
class StalledEscalationIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final LifecycleHarness harness = new LifecycleHarness();

    /** Built once for the class, as a Lambda's wiring is: whatever it dispatches fails (its call queues are gone). */
    private static Wiring dying;
    /** Built once: the timer function as it runs 40 s after the advance, past {@code Escalation.NOTIFIER_GONE}. */
    private static Wiring later;

    private boolean dyingFailed;
    private int escalationsRun;

    /** Heart: dr-rao has {@code escalateAfter}; then the duty manager. No retries, so only escalation can ring anyone again. */
    private static Map<String, Object> twoTiers(String escalateAfter) {
        return Map.of(
                "defaultType", "Heart",
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "9800000001"),
                        Map.of("id", "duty-manager", "name", "Duty manager", "phone", "9800000003")),
                "types", Map.of("Heart", Map.of(
                        "retry", Map.of("attempts", 1, "after", "1s"),
                        "tiers", List.of(
                                Map.of("notify", List.of("dr-rao"), "escalateAfter", escalateAfter),
                                Map.of("notify", List.of("duty-manager"), "escalateAfter", "1h")))));
    }

    @Test
    void aTierRecordedAsActiveButNeverRungIsRungOnceByTheRedeliveredTimer() {
        String id = raiseAndStallTheEscalation("stalled-escalation-1");

        pumpTimersUntil(later(), false, "the duty manager's call", () -> {
            harness.pumpCalls();
            return harness.hasCall(id, "duty-manager");
        });
        assertRungOnce(id);
    }

    @Test
    void aNotifierThatMayStillBeRunningIsNotDoubled() {
        String id = raiseAndStallTheEscalation("stalled-escalation-2");

        // Delivered again within seconds (its worker reported it failed): the step's notifier could be alive, only slow.
        escalationsRun = 0;
        pumpTimersUntil(harness.wiring, false, "the redelivered escalation", () -> escalationsRun > 0);
        harness.runFor(Duration.ofSeconds(1));

        assertThat(harness.hasCall(id, "duty-manager")).isFalse();
        assertThat(harness.progress.state(id).orElseThrow().unnotifiedSince()).as("still for whoever comes after the guard").isNotNull();
    }

    @Test
    void aDeclineWhoseNextTierWasNeverRungIsResumedByTheDeclinedTiersOwnDeadline() {
        harness.reset(twoTiers("2s"));
        String id = harness.raise("stalled-decline-1");
        assertThat(harness.pumpCalls()).isEqualTo(1);

        WebResponse declined = dying().keypressAckWebhook().handle(new WebRequest("GET", Map.of("secret", LifecycleHarness.SECRET),
                Map.of("CallSid", List.of(harness.call(id, "dr-rao").providerId()), "CustomField", List.of(id + ":dr-rao"),
                        "digits", List.of("2"), "expect", List.of("2")), Map.of(), null, false, null));
        assertThat(declined.status()).as("recorded, then its dispatch failed").isEqualTo(302);
        assertThat(harness.progress.state(id).orElseThrow().activeTier()).isEqualTo(1);
        assertThat(harness.hasCall(id, "duty-manager")).isFalse();

        pumpTimersUntil(later(), false, "the duty manager's call", () -> {
            harness.pumpCalls();
            return harness.hasCall(id, "duty-manager");
        });
        assertRungOnce(id);
    }

    /** Raises, rings dr-rao, and runs tier 1's deadline through a worker whose dispatch fails after the advance. */
    private String raiseAndStallTheEscalation(String callSid) {
        harness.reset(twoTiers("1s"));
        String id = harness.raise(callSid);
        assertThat(harness.pumpCalls()).isEqualTo(1);
        dyingFailed = false;
        pumpTimersUntil(dying(), true, "the escalation to record tier 2 as active", () -> harness.progress.state(id).orElseThrow().activeTier() == 1);
        assertThat(dyingFailed).as("its worker reported the job failed, so SQS delivers it again").isTrue();
        assertThat(harness.hasCall(id, "duty-manager")).as("its dispatch failed after the advance").isFalse();
        return id;
    }

    private static Wiring dying() {
        if (dying == null) {
            Map<String, String> broken = new HashMap<>(harness.environment());
            broken.put("CALL_QUEUE_URL", broken.get("CALL_QUEUE_URL") + "-gone");
            broken.put("URGENT_CALL_QUEUE_URL", broken.get("URGENT_CALL_QUEUE_URL") + "-gone");
            dying = new Wiring(Env.of(broken));
        }
        return dying;
    }

    private static Wiring later() {
        if (later == null) {
            later = new Wiring(Env.of(harness.environment()), Clock.offset(Clock.systemUTC(), Duration.ofSeconds(40)));
        }
        return later;
    }

    private void assertRungOnce(String id) {
        long quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        pumpTimersUntil(later(), false, "two quiet seconds", () -> {
            harness.pumpCalls();
            return System.nanoTime() > quietUntil;
        });
        assertThat(harness.call(id, "duty-manager").attempt()).as("rung once").isEqualTo(1);
        assertThat(harness.connects()).as("dr-rao once, the duty manager once").isEqualTo(2);
        assertThat(harness.timeline(id)).filteredOn(e -> "escalated".equals(e.get("event"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("tier", "2"));
        assertThat(harness.progress.state(id).orElseThrow().unnotifiedSince()).isNull();
    }

    /** Runs the timers through {@code worker} until {@code condition} holds; {@code dying}: its failed jobs are expected. */
    private void pumpTimersUntil(Wiring worker, boolean dying, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            try {
                harness.stack.pump("TimersQueue", event -> {
                    escalationsRun += (int) event.getRecords().stream().filter(m -> m.getBody().contains("\"ESCALATE\"")).count();
                    return worker.timerJobs().process(event);
                });
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
