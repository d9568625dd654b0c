package sosrelay.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds each job to its channel's rate. A job whose reserved slot is close waits for it in the
 * worker; one further off goes back on the queue, delayed until its slot and carrying it, so rate
 * limiting spreads a large fan-out over time without burning SQS receives (which would send jobs to
 * the dead-letter queue).
 */
public final class Pacing {

    /** Puts a job body back on its queue, delayed. */
    @FunctionalInterface
    public interface Requeue {
        void later(String body, Duration delay);
    }

    private final Pacer pacer;
    private final Duration maxWait;
    private final Requeue requeue;
    private final Clock clock;

    public Pacing(Pacer pacer, Duration maxWait, Requeue requeue, Clock clock) {
        this.pacer = pacer;
        this.maxWait = maxWait;
        this.requeue = requeue;
        this.clock = clock;
    }

    public static Pacing none(Clock clock) {
        return new Pacing(Pacer.NONE, Duration.ZERO, (body, delay) -> { }, clock);
    }

    /** True when the job may be sent now (after waiting for its slot); false when it was queued again for later. */
    public boolean admit(String body) {
        Instant slot = PacedJobs.slotOf(body);
        if (slot == null) {
            slot = pacer.reserve();
        }
        Duration wait = Duration.between(clock.instant(), slot);
        if (wait.compareTo(maxWait) > 0) {
            // Back a second early (SQS delays are whole seconds): the worker then waits out the rest,
            // so jobs go at their slots instead of bunching up at the next whole second.
            requeue.later(PacedJobs.withSlot(body, slot), wait.minusSeconds(1));
            return false;
        }
        if (!wait.isNegative() && !wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis() + 1);
            } catch (InterruptedException e) {
                // The worker is being stopped: leave the job to SQS rather than send it half-way through a shutdown.
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the send slot", e);
            }
        }
        return true;
    }

    /** The provider said to wait: nobody sends before then. */
    public void providerAskedToWait(Duration wait) {
        pacer.pushBack(wait);
    }
}
