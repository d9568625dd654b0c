package sosrelay.pacing;

import java.time.Duration;
import java.time.Instant;
import sosrelay.directory.Priority;

/** Whether a provider request may go out now, so that all senders together stay inside the provider's limit. */
public interface Pacer {

    /**
     * Who asks for a send.
     *
     * @param fairnessKey who raised the job's incident: no one key may take the whole budget
     * @param waited      whether the job has already been put back to wait once (a backlog): it leaves room for first attempts
     */
    record Ask(Priority priority, String fairnessKey, boolean waited) {
    }

    /** The answer: go now, or ask again no earlier than {@code notBefore}. */
    sealed interface Admission {
        record Granted() implements Admission {
        }

        record NotBefore(Instant at) implements Admission {
        }
    }

    Admission.Granted GRANTED = new Admission.Granted();

    /** Takes a send from the budget now, or says when this ask could next succeed. Takes at most one atomic write. */
    Admission take(Ask ask);

    /** The provider asked everyone to wait (a 429 with Retry-After): nobody sends before then. */
    void pushBack(Duration wait);

    /** For providers without a rate limit worth pacing. */
    Pacer NONE = new Pacer() {
        @Override
        public Admission take(Ask ask) {
            return GRANTED;
        }

        @Override
        public void pushBack(Duration wait) {
            // nothing to pace
        }
    };
}
