package sosrelay.local.backends;

import java.util.OptionalInt;

/** An {@code SQS} event of a function: the event source mapping Lambda would run for it. */
public record SqsEventSource(
        String name,
        String queueLogicalId,
        int batchSize,
        int maximumBatchingWindowSeconds,
        OptionalInt maximumConcurrency,
        boolean reportBatchItemFailures) {
}
