package sosrelay.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import sosrelay.directory.Priority;

/**
 * Holds each job to its channel's budget. A job the budget has room for goes at once; one that must wait a
 * little waits in the worker; one that must wait longer goes back on the queue, delayed until the budget
 * expects room and carrying that time (its slot), so a large fan-out spreads over time without burning SQS
 * receives (which would send jobs to the dead-letter queue). It holds no reservation while it waits: when it
 * comes back it asks again, as a backlog, and high-priority jobs and new incidents' first waves go first.
 */
public final class Pacing {

    /** Puts a job body back on the queue of its priority (an urgent call on the urgent one), delayed. */
    @FunctionalInterface
    public interface Requeue {
        void later(Priority priority, String body, Duration delay);
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
        return new Pacing(Pacer.NONE, Duration.ZERO, (priority, body, delay) -> { }, clock);
    }

    /** True when the job may be sent now (perhaps after a short wait); false when it was queued again for later. */
    public boolean admit(PacedJob job) {
        Instant slot = job.slot();
        Pacer.Ask ask = new Pacer.Ask(job.priority(), job.fairnessKey(), slot != null);
        while (true) {
            Instant notBefore = slot != null && slot.isAfter(clock.instant()) ? slot : admission(ask);
            if (notBefore == null) {
                return true;
            }
            Duration wait = Duration.between(clock.instant(), notBefore);
            if (wait.compareTo(maxWait) > 0) {
                // Back a second early (SQS delays are whole seconds): the worker then waits out the rest,
                // so jobs ask at their slots instead of bunching up at the next whole second.
                requeue.later(job.priority(), job.messageWithSlot(notBefore), wait.minusSeconds(1));
                return false;
            }
            BudgetWait.sleep(wait);
            slot = null;
        }
    }

    private Instant admission(Pacer.Ask ask) {
        return pacer.take(ask) instanceof Pacer.Admission.NotBefore later ? later.at() : null;
    }

    /** The provider said to wait: nobody sends before then. */
    public void providerAskedToWait(Duration wait) {
        pacer.pushBack(wait);
    }
}
