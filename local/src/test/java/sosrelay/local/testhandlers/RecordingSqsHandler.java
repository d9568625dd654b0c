package sosrelay.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import sosrelay.wiring.Wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records every message it sees, and which instance saw it; reports those whose body starts with "fail" as
 * failed; takes a while over a batch with one starting with "slow"; counts invocations that found their instance busy.
 */
public class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    public static final ConcurrentLinkedQueue<SQSEvent.SQSMessage> SEEN = new ConcurrentLinkedQueue<>();
    public static final Map<String, RecordingSqsHandler> SEEN_BY = new ConcurrentHashMap<>();
    public static final AtomicInteger OVERLAPS = new AtomicInteger();

    private final AtomicBoolean busy = new AtomicBoolean();

    public RecordingSqsHandler(Wiring wiring) {
        if (wiring.env().get("ITEMS_TABLE") == null) {
            throw new IllegalStateException("ITEMS_TABLE missing from the environment");
        }
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        if (!busy.compareAndSet(false, true)) {
            OVERLAPS.incrementAndGet();
        }
        try {
            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
            for (SQSEvent.SQSMessage message : event.getRecords()) {
                SEEN.add(message);
                SEEN_BY.put(message.getBody(), this);
                if (message.getBody().startsWith("fail")) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
            if (event.getRecords().stream().anyMatch(m -> m.getBody().startsWith("slow"))) {
                Thread.sleep(300);
            }
            return new SQSBatchResponse(failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            busy.set(false);
        }
    }
}
