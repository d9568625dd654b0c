package sosrelay.local;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import sosrelay.local.backends.LocalResources;
import sosrelay.local.backends.SqsBatches;
import sosrelay.local.backends.SqsEventSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One poller of an SQS event source mapping: long-polls the queue, collects a batch (up to
 * BatchSize, for at most MaximumBatchingWindowInSeconds), invokes the function, and deletes what
 * succeeded. What is not deleted returns after the visibility timeout; ElasticMQ's RedrivePolicy
 * moves it to the DLQ after maxReceiveCount, as SQS does.
 */
final class SqsPoller implements Runnable {
    private static final int LONG_POLL_SECONDS = 1;

    private final SqsClient sqs;
    private final LocalResources.Queue queue;
    private final SqsEventSource source;
    private final LocalFunction function;
    private volatile boolean running = true;

    SqsPoller(SqsClient sqs, LocalResources.Queue queue, SqsEventSource source, LocalFunction function) {
        this.sqs = sqs;
        this.queue = queue;
        this.source = source;
        this.function = function;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                List<Message> batch = collectBatch();
                if (!batch.isEmpty() && running) {
                    invoke(batch);
                }
            } catch (RuntimeException e) {
                if (running) {
                    System.err.println("SQS poller for " + queue.logicalId() + " -> " + function.logicalId() + ": " + e);
                    pause();
                }
            }
        }
    }

    private List<Message> collectBatch() {
        List<Message> batch = new ArrayList<>();
        long windowEnds = System.currentTimeMillis() + source.maximumBatchingWindowSeconds() * 1000L;
        // The mapping receives with the function's role: an encrypted queue needs kms:Decrypt in it, or nothing arrives.
        function.role().check("Sqs", "ReceiveMessage", ReceiveMessageRequest.builder().queueUrl(queue.url()).build());
        do {
            batch.addAll(SqsBatches.receive(sqs, queue.url(), source.batchSize() - batch.size(), LONG_POLL_SECONDS));
            // A zero window invokes as soon as anything arrived, as Lambda does.
        } while (running && batch.size() < source.batchSize() && (batch.isEmpty() || System.currentTimeMillis() < windowEnds));
        return batch;
    }

    private void invoke(List<Message> batch) {
        Set<String> ids = batch.stream().map(Message::messageId).collect(Collectors.toSet());
        Set<String> toDelete;
        try {
            Object output = function.invoke(SqsBatches.event(batch, queue.arn()));
            toDelete = BatchOutcome.succeeded(ids, output, source.reportBatchItemFailures());
        } catch (Throwable failure) {
            System.err.println(function.logicalId() + " failed on a batch of " + batch.size() + " from " + queue.logicalId() + ":");
            failure.printStackTrace();
            return;
        }
        SqsBatches.delete(sqs, queue.url(), batch.stream().filter(message -> toDelete.contains(message.messageId())).toList());
    }

    /** After a backend error, do not spin. */
    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
