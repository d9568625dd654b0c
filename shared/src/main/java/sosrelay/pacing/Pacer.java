package sosrelay.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import sosrelay.directory.Priority;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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
        /**
         * {@code route}: which of several budgets the send was taken from (a voice provider's name, where each provider has its
         * own), so that the send goes where its token was taken; null for a budget of one.
         */
        record Granted(String route) implements Admission {
        }

        record NotBefore(Instant at) implements Admission {
        }

        /**
         * Only from {@link #take(Ask, TransactWriteItem)}: the write to go with the send failed its condition; nothing
         * was written and no send taken. {@code found} is its item as the condition saw it (empty when not returned).
         */
        record Refused(Map<String, AttributeValue> found) implements Admission {
        }
    }

    Admission.Granted GRANTED = new Admission.Granted(null);

    /** Takes a send from the budget now, or says when this ask could next succeed. Takes at most one atomic write. */
    Admission take(Ask ask);

    /**
     * Whether {@link #take(Ask, TransactWriteItem)} can write another item beside the send it takes. A pacer with no
     * budget to write ({@link #NONE}) cannot: its caller writes the item alone.
     */
    default boolean takesWithWrite() {
        return false;
    }

    /**
     * As {@link #take(Ask)}, with {@code with} (a conditional write, such as a delivery's claim) in the same transaction
     * as the send: both are written or neither. {@link Admission.Granted}: both; {@link Admission.Refused}: {@code with}'s
     * condition failed, and no send was spent on it; {@link Admission.NotBefore}: neither, ask again then.
     */
    default Admission take(Ask ask, TransactWriteItem with) {
        throw new UnsupportedOperationException("this pacer writes nothing beside its sends");
    }

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
