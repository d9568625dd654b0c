package sosrelay.sqs;

import java.time.Duration;

/** What a queue's worker does with one message body. */
@FunctionalInterface
public interface MessageProcessor {

    /** Look at the message again: after {@code after}, or after the worker's backoff when {@code after} is null. */
    record Retry(Duration after) {
    }

    /**
     * Returns null when the message is done with, or a {@link Retry}. Throws {@link IllegalArgumentException}
     * for a message that can never be processed.
     */
    Retry process(String body);

    /**
     * The processor of one batch of messages, run side by side ({@link BatchWorker}): what the batch's jobs share may be
     * asked once for them all. This one by default. The batch ends with {@link #batchDone}.
     */
    default MessageProcessor forBatch() {
        return this;
    }

    /** Called on the processor {@link #forBatch} gave once every message of its batch is done with. */
    default void batchDone() {
    }
}
