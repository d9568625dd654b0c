package sosrelay.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.config.Settings;
import sosrelay.local.backends.LocalTemplate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The call worker takes jobs from two queues (normal and urgent calls, one event source mapping each): a job to
 * look at again comes back after its short backoff from the queue it came from, whichever that is, instead of
 * after the queue's visibility timeout (180 s), which a receipt handle sent to the other queue would leave it to.
 */
class BatchWorkerQueuesIT {
    private static LocalTemplate stack;
    private static final ExecutorService threads = Executors.newFixedThreadPool(4);

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
        stack.close();
    }

    @Test
    void aJobToRetryComesBackSoonOnTheQueueItCameFromNormalOrUrgent() {
        Map<String, String> env = stack.environmentOf("CallJobFunction", Map.of());
        String normal = env.get("CALL_QUEUE_URL");
        String urgent = env.get("URGENT_CALL_QUEUE_URL");
        SqsClient sqs = stack.backends().sqs();
        sqs.sendMessage(b -> b.queueUrl(normal).messageBody("normal-job"));
        sqs.sendMessage(b -> b.queueUrl(urgent).messageBody("urgent-job"));
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        records.add(record(sqs, normal));
        records.add(record(sqs, urgent));
        SQSEvent event = new SQSEvent();
        event.setRecords(records);

        BatchWorker worker = new BatchWorker(body -> new MessageProcessor.Retry(Duration.ofSeconds(1)), sqs, List.of(normal, urgent),
                threads, Settings.DEFAULT_BACKOFF);
        SQSBatchResponse response = worker.process(event);

        assertThat(response.getBatchItemFailures()).hasSize(2);
        assertThat(receive(sqs, normal)).as("back on the normal queue within seconds").containsExactly("normal-job");
        assertThat(receive(sqs, urgent)).as("back on the urgent queue within seconds").containsExactly("urgent-job");
    }

    /** The message as Lambda's event source mapping hands it over: with its queue's ARN. */
    private static SQSEvent.SQSMessage record(SqsClient sqs, String queueUrl) {
        Message message = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5)).messages().get(0);
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN));
        return record;
    }

    private static List<String> receive(SqsClient sqs, String queueUrl) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(10)).messages().stream().map(Message::body).toList();
    }
}
