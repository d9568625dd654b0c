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
}
