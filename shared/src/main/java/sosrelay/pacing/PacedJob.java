package sosrelay.pacing;

import java.time.Instant;
import sosrelay.directory.Priority;

/**
 * What the budget needs of a queued job. A job the budget had no room for is queued again, delayed until the
 * budget expects room and carrying that time (its slot); on arrival it asks no earlier than its slot, and asks
 * as a backlog (it has waited once). The job's own message class carries the slot, so a body is parsed once.
 */
public interface PacedJob {

    Priority priority();

    /** Whose budget share the job spends (see {@link Pacer.Ask}). */
    String fairnessKey();

    /** The time the job was put back to wait for, or null for a job that has not waited. */
    Instant slot();

    /** The job's queue message, carrying {@code slot}. */
    String messageWithSlot(Instant slot);
}
