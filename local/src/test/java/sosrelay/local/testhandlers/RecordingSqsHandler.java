package sosrelay.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import sosrelay.wiring.Wiring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Records every message it sees; reports those whose body starts with "fail" as failed. */
public class RecordingSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    public static final ConcurrentLinkedQueue<SQSEvent.SQSMessage> SEEN = new ConcurrentLinkedQueue<>();

    public RecordingSqsHandler(Wiring wiring) {
        if (wiring.env().get("ITEMS_TABLE") == null) {
            throw new IllegalStateException("ITEMS_TABLE missing from the environment");
        }
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            SEEN.add(message);
            if (message.getBody().startsWith("fail")) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
