package sosrelay.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import sosrelay.log.Log;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;

/**
 * Runs a batch of jobs side by side and reports the ones to retry as batch item failures
 * (Powertools' batch module does the same; it isn't available here). A failed job's visibility is
 * shortened to a backoff, never over {@link #MAX_WAIT}, so a retry comes in seconds instead of after the queue's full
 * visibility timeout; past the queue's maxReceiveCount SQS moves it to the dead-letter queue. A function may take
 * jobs from several queues (the call worker: normal and urgent calls); a failed job's visibility is
 * changed on the queue it came from, which its record's event source ARN names.
 */
public final class BatchWorker {
    /**
     * The longest a failed job waits for its next try, whatever the backoff, the provider's Retry-After or a claim held
     * elsewhere asks: an emergency call's next try is never minutes away (issue 20). A job that still has to wait is
     * simply looked at again; its claim, not the wait, keeps it from ringing twice.
     */
    public static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final MessageProcessor worker;
    private final SqsClient sqs;
    private final List<String> queueUrls;
    private final ExecutorService executor;
    private final List<Duration> backoff;

    public BatchWorker(MessageProcessor worker, SqsClient sqs, String queueUrl, ExecutorService executor, List<Duration> backoff) {
        this(worker, sqs, List.of(queueUrl), executor, backoff);
    }

    /** A worker of several queues' jobs, {@code queueUrls} each of them (one event source mapping per queue). */
    public BatchWorker(MessageProcessor worker, SqsClient sqs, List<String> queueUrls, ExecutorService executor, List<Duration> backoff) {
        if (queueUrls.isEmpty()) {
            throw new IllegalArgumentException("a worker needs the queue its jobs come from");
        }
        this.worker = worker;
        this.sqs = sqs;
        this.queueUrls = List.copyOf(queueUrls);
        this.executor = executor;
        this.backoff = List.copyOf(backoff);
    }

    private record Failure(SQSEvent.SQSMessage message, Duration retryAfter) {
    }

    public SQSBatchResponse process(SQSEvent event) {
        List<SQSEvent.SQSMessage> messages = event.getRecords() == null ? List.of() : event.getRecords();
        MessageProcessor batch = worker.forBatch();
        List<CompletableFuture<Failure>> running = new ArrayList<>();
        for (SQSEvent.SQSMessage message : messages) {
            running.add(CompletableFuture.supplyAsync(() -> processOne(batch, message), executor));
        }
        List<Failure> failures;
        try {
            failures = running.stream().map(CompletableFuture::join).filter(f -> f != null).toList();
        } finally {
            batch.batchDone();
        }
        if (!failures.isEmpty()) {
            shortenVisibility(failures);
        }
        return SQSBatchResponse.builder()
                .withBatchItemFailures(failures.stream()
                        .map(f -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(f.message().getMessageId()).build())
                        .toList())
                .build();
    }

    private Failure processOne(MessageProcessor batch, SQSEvent.SQSMessage message) {
        try {
            MessageProcessor.Retry retry = batch.process(message.getBody());
            return retry == null ? null : new Failure(message, retry.after());
        } catch (IllegalArgumentException malformed) {
            // Can never succeed; failing it fast sends it to the dead-letter queue, where it is seen.
            Log.error("job.malformed", "messageId", message.getMessageId(), "error", malformed);
            return new Failure(message, Duration.ZERO);
        } catch (RuntimeException e) {
            Log.error("job.error", "messageId", message.getMessageId(), "error", e);
            return new Failure(message, null);
        }
    }

    private void shortenVisibility(List<Failure> failures) {
        Map<String, List<ChangeMessageVisibilityBatchRequestEntry>> byQueue = new LinkedHashMap<>();
        for (int i = 0; i < failures.size(); i++) {
            Failure f = failures.get(i);
            String queueUrl = sourceQueue(f.message());
            if (queueUrl == null) {
                // The queue's own visibility timeout still brings the job back, only later.
                Log.warn("job.visibility-unchanged", "messageId", f.message().getMessageId(), "why",
                        "from a queue this worker does not know: " + f.message().getEventSourceArn());
                continue;
            }
            byQueue.computeIfAbsent(queueUrl, q -> new ArrayList<>()).add(ChangeMessageVisibilityBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .receiptHandle(f.message().getReceiptHandle())
                    .visibilityTimeout((int) nextWait(f.retryAfter(), receiveCount(f.message()), backoff).toSeconds())
                    .build());
        }
        byQueue.forEach((queueUrl, entries) -> {
            try {
                for (int from = 0; from < entries.size(); from += 10) {
                    List<ChangeMessageVisibilityBatchRequestEntry> chunk = entries.subList(from, Math.min(from + 10, entries.size()));
                    sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(chunk));
                }
            } catch (RuntimeException e) {
                // The queue's own visibility timeout still brings the jobs back, only later.
                Log.warn("job.visibility-unchanged", "error", e);
            }
        });
    }

    /**
     * The queue a message came from: the one whose name ends its event source ARN
     * ({@code arn:aws:sqs:<region>:<account>:<name>}, the URL {@code …/<account>/<name>}); with one queue, that one.
     */
    private String sourceQueue(SQSEvent.SQSMessage message) {
        if (queueUrls.size() == 1) {
            return queueUrls.get(0);
        }
        String arn = message.getEventSourceArn();
        if (arn == null) {
            return null;
        }
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        return queueUrls.stream().filter(url -> url.substring(url.lastIndexOf('/') + 1).equals(name)).findFirst().orElse(null);
    }

    /** The job's own wait ({@code retryAfter}), else the backoff's for its {@code received}-th receive; at most {@link #MAX_WAIT}. */
    static Duration nextWait(Duration retryAfter, int received, List<Duration> backoff) {
        Duration wait = retryAfter != null ? retryAfter : backoff.get(Math.min(received, backoff.size()) - 1);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static int receiveCount(SQSEvent.SQSMessage message) {
        try {
            String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
            return count == null ? 1 : Math.max(1, Integer.parseInt(count));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
