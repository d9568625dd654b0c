package sosrelay.calls;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import sosrelay.sqs.BatchWorker;
import sosrelay.wiring.SnapStartPriming;
import sosrelay.wiring.Wiring;

/** SQS worker: places one Exotel call per job, the jobs of a batch side by side. */
public final class CallJobHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final Wiring wiring;
    private final BatchWorker worker;

    public CallJobHandler() {
        this(Wiring.fromEnvironment());
        SnapStartPriming.register(this::warmUp);
    }

    public CallJobHandler(Wiring wiring) {
        this.wiring = wiring;
        this.worker = wiring.callJobs();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return worker.process(event);
    }

    /** The Exotel token is deliberately not fetched here: a secret has no place in a snapshot. */
    private void warmUp() {
        SQSEvent empty = new SQSEvent();
        empty.setRecords(List.of());
        handleRequest(empty, null);
        wiring.warmUpStorage();
    }
}
