package sosrelay.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import sosrelay.directory.Priority;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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
        return admit(job, () -> null) instanceof Admitted.Go;
    }

    /** What {@link #admit(PacedJob, Supplier)} did. */
    public sealed interface Admitted {
        /**
         * Send now. {@code withWritten}: the write asked for went with the send; false when this budget writes nothing (write it
         * yourself). {@code route}: the budget the send was taken from, where there are several ({@link Pacer.Admission.Granted}).
         */
        record Go(boolean withWritten, String route) implements Admitted {
        }

        /** Queued again for later: nothing was written. */
        record Requeued() implements Admitted {
        }

        /** The write asked for failed its condition ({@code found}: its item then, empty when not returned): no send was spent. */
        record Refused(Map<String, AttributeValue> found) implements Admitted {
        }
    }

    /**
     * As {@link #admit(PacedJob)}, taking the send together with the write {@code with} makes (a delivery's claim, made
     * when the send is taken, so its times are then's) when the budget can, in one transaction: a job whose claim fails
     * spends nothing of the budget. Nothing is written while the job waits, in the worker or on the queue.
     */
    public Admitted admit(PacedJob job, Supplier<TransactWriteItem> with) {
        Instant slot = job.slot();
        Pacer.Ask ask = new Pacer.Ask(job.priority(), job.fairnessKey(), slot != null);
        boolean together = pacer.takesWithWrite();
        while (true) {
            TransactWriteItem write = slot != null && slot.isAfter(clock.instant()) || !together ? null : with.get();
            Pacer.Admission admission = slot != null && slot.isAfter(clock.instant()) ? new Pacer.Admission.NotBefore(slot)
                    : write != null ? pacer.take(ask, write) : pacer.take(ask);
            if (admission instanceof Pacer.Admission.Refused refused) {
                return new Admitted.Refused(refused.found());
            }
            if (admission instanceof Pacer.Admission.Granted granted) {
                return new Admitted.Go(write != null, granted.route());
            }
            Pacer.Admission.NotBefore later = (Pacer.Admission.NotBefore) admission;
            Instant notBefore = later.at();
            Duration wait = Duration.between(clock.instant(), notBefore);
            if (wait.compareTo(maxWait) > 0) {
                // Back a second early (SQS delays are whole seconds): the worker then waits out the rest,
                // so jobs ask at their slots instead of bunching up at the next whole second.
                requeue.later(job.priority(), job.messageWithSlot(notBefore), wait.minusSeconds(1));
                return new Admitted.Requeued();
            }
            BudgetWait.sleep(wait);
            slot = null;
        }
    }

    /** The provider said to wait: nobody sends before then. */
    public void providerAskedToWait(Duration wait) {
        pacer.pushBack(wait);
    }
}
