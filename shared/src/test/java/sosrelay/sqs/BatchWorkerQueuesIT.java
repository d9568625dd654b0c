package sosrelay.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.config.Settings;
import sosrelay.local.backends.junit.TemplateStack;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The call worker takes jobs from two queues (normal and urgent calls, one event source mapping each): a job to
 * look at again comes back after its short backoff from the queue it came from, whichever that is, instead of
 * after the queue's visibility timeout (180 s), which a receipt handle sent to the other queue would leave it to.
 */
class BatchWorkerQueuesIT {
    @RegisterExtension
    static final TemplateStack stack = TemplateStack.of("CallJobFunction");

    private static final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    @Test
    void aJobToRetryComesBackSoonOnTheQueueItCameFromNormalOrUrgent() {
        Map<String, String> env = stack.environment();
        String normal = env.get("CALL_QUEUE_URL");
        String urgent = env.get("URGENT_CALL_QUEUE_URL");
        SqsClient sqs = stack.template().backends().sqs();
        stack.template().send("CallJobsQueue", List.of("normal-job"));
        stack.template().send("UrgentCallJobsQueue", List.of("urgent-job"));
        // One event with a job of each queue, each with its queue's ARN as the event source mappings hand them over.
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(stack.template().batch("CallJobsQueue", 1).getRecords().get(0),
                stack.template().batch("UrgentCallJobsQueue", 1).getRecords().get(0)));

        BatchWorker worker = new BatchWorker(body -> new MessageProcessor.Retry(Duration.ofSeconds(1)), sqs, List.of(normal, urgent),
                threads, Settings.DEFAULT_BACKOFF);
        SQSBatchResponse response = worker.process(event);

        assertThat(response.getBatchItemFailures()).hasSize(2);
        assertThat(receive(sqs, normal)).as("back on the normal queue within seconds").containsExactly("normal-job");
        assertThat(receive(sqs, urgent)).as("back on the urgent queue within seconds").containsExactly("urgent-job");
    }

    private static List<String> receive(SqsClient sqs, String queueUrl) {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(10)).messages().stream().map(Message::body).toList();
    }
}
