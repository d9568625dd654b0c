package sosrelay.wiring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;
import sosrelay.json.Json;
import sosrelay.log.Log;

/**
 * Work a function's first request would do on its caller's time, started on a side thread of the init instead,
 * beside the DynamoDB client's build: the Passthru's SQS client built and its request path walked, jackson-jr's first
 * use. The first request finds it done, or waits only for its rest (each piece is {@link Lazy}); SnapStart's priming
 * waits for it ({@link Foundation#warmUpStorage}), so no request of it is in flight in the snapshot. Failing here
 * changes nothing: the first request builds what is missing, and says why if it cannot.
 */
final class BesideInit {
    private volatile CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    void start(Runnable work) {
        running = CompletableFuture.runAsync(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                Log.warn("init.beside-failed", "error", e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "sos-init-beside");
            thread.setDaemon(true);
            thread.start();
        });
    }

    void await() {
        running.join();
    }

    /** SQS's whole request path with an empty batch to {@code queueUrl}, which SQS refuses: nothing is queued. */
    static void walkQueueing(SqsClient sqs, String queueUrl) {
        try {
            sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(List.of()));
        } catch (SqsException refused) {
            // The refusal is the expected answer: the request went the whole way and back.
        }
    }

    /** jackson-jr's first use (its introspection and buffers) on a side thread: every request reads or writes JSON. */
    static void walkJson() {
        Json.readObject(Json.write(Map.of("warm", "up")));
    }
}
