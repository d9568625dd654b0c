package sosrelay.local;

import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import sosrelay.local.backends.LocalResources;
import sosrelay.local.backends.SamTemplate;
import sosrelay.local.backends.TemplateQueue;

/**
 * The local stack's {@code aws sqs start-message-move-task}: moves every message of a dead-letter
 * queue back to the queue whose RedrivePolicy names it, where its receive count starts again.
 */
final class DeadLetterRedrive {
    /** How many messages went back, and where. */
    record Moved(String deadLetterQueue, String sourceQueue, int messages) {
    }

    private final SqsClient sqs;
    private final SamTemplate template;
    private final LocalResources resources;

    DeadLetterRedrive(SqsClient sqs, SamTemplate template, LocalResources resources) {
        this.sqs = sqs;
        this.template = template;
        this.resources = resources;
    }

    /** Throws {@link IllegalArgumentException} when no queue of the template sends its dead letters to {@code deadLetterQueue}. */
    Moved redrive(String deadLetterQueue) {
        String source = template.queues().values().stream()
                .filter(q -> q.redrive().map(r -> r.deadLetterQueueLogicalId().equals(deadLetterQueue)).orElse(false))
                .map(TemplateQueue::logicalId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(deadLetterQueue + " is not the dead-letter queue of any queue in the template"));
        String from = resources.requireQueue(deadLetterQueue).url();
        String to = resources.requireQueue(source).url();
        int moved = 0;
        while (true) {
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(from).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                return new Moved(deadLetterQueue, source, moved);
            }
            for (Message message : batch) {
                // Sent before it is deleted: a crash in between leaves a duplicate, which the workers' claims absorb, never a loss.
                sqs.sendMessage(m -> m.queueUrl(to).messageBody(message.body()).messageAttributes(message.messageAttributes()));
                sqs.deleteMessage(d -> d.queueUrl(from).receiptHandle(message.receiptHandle()));
                moved++;
            }
        }
    }
}
