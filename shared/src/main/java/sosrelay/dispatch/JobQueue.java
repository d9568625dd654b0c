package sosrelay.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends jobs to SQS in batches of ten, the batches side by side, and sends again the entries SQS
 * reports as failed: a job that never reaches the queue is a person nobody calls.
 */
public final class JobQueue {
    private static final int BATCH = 10;
    private static final int ATTEMPTS = 4;

    private final SqsClient sqs;
    private final ExecutorService executor;

    /** {@code executor} must be a pool no caller of {@link #sendAll} runs on: the caller waits for what it queues there. */
    public JobQueue(SqsClient sqs, ExecutorService executor) {
        this.sqs = sqs;
        this.executor = executor;
    }

    public void sendAll(String queueUrl, List<String> bodies) {
        List<CompletableFuture<Void>> batches = new ArrayList<>();
        for (int from = 0; from < bodies.size(); from += BATCH) {
            List<String> batch = bodies.subList(from, Math.min(from + BATCH, bodies.size()));
            batches.add(CompletableFuture.runAsync(() -> sendBatch(queueUrl, batch), executor));
        }
        CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).join();
    }

    /** One job, delayed (SQS delays at most 15 minutes; a job that arrives early is delayed again). */
    public void sendLater(String queueUrl, String body, java.time.Duration delay) {
        int seconds = (int) Math.min(900, Math.max(0, (delay.toMillis() + 999) / 1000));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).delaySeconds(seconds));
    }

    private void sendBatch(String queueUrl, List<String> bodies) {
        List<SendMessageBatchRequestEntry> pending = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            pending.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(bodies.get(i)).build());
        }
        for (int attempt = 1; ; attempt++) {
            List<SendMessageBatchRequestEntry> entries = pending;
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (!response.hasFailed() || response.failed().isEmpty()) {
                return;
            }
            List<String> failedIds = response.failed().stream().map(BatchResultErrorEntry::id).toList();
            if (attempt == ATTEMPTS) {
                throw new IllegalStateException("SQS refused " + failedIds.size() + " job(s) after " + ATTEMPTS
                        + " attempts: " + response.failed().get(0).message());
            }
            pending = entries.stream().filter(e -> failedIds.contains(e.id())).toList();
            pause(50L * attempt);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing jobs", e);
        }
    }
}
