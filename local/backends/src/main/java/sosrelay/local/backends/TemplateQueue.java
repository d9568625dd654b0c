package sosrelay.local.backends;

import java.util.Optional;
import java.util.OptionalInt;

/** An {@code AWS::SQS::Queue}; absent numbers mean SQS's defaults. */
public record TemplateQueue(
        String logicalId,
        String queueName,
        OptionalInt visibilityTimeout,
        OptionalInt delaySeconds,
        OptionalInt messageRetentionPeriod,
        boolean fifo,
        boolean contentBasedDeduplication,
        Optional<Redrive> redrive) {

    /** Where messages go after {@code maxReceiveCount} receives. */
    public record Redrive(String deadLetterQueueLogicalId, int maxReceiveCount) {
    }
}
