package sosrelay.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.function.Function;
import sosrelay.sqs.BatchWorker;

/**
 * An SQS-triggered function: each handler only names its worker (a channel's sender, the timers). The worker is built
 * in the constructor ({@link Wiring#init}): a channel whose provider or texts are not configured fails the function's
 * init, loudly, instead of every batch, the emergency's included.
 */
public abstract class SqsJobHandler implements RequestHandler<SQSEvent, SQSBatchResponse>, SnapStartPriming.Primed {
    private final Wiring wiring;
    private final BatchWorker worker;

    protected SqsJobHandler(Wiring wiring, Function<Wiring, BatchWorker> worker) {
        this.wiring = wiring;
        this.worker = wiring.init(worker);
    }

    /** For the no-argument constructor Lambda uses: warms the handler up before the SnapStart snapshot. */
    protected final void primeBeforeSnapshot() {
        SnapStartPriming.register(this::warmUp);
    }

    @Override
    public final SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        if (SettingsCheck.asked(event)) {
            SettingsCheck.answer(wiring);
            return new SQSBatchResponse(List.of());
        }
        return worker.process(event);
    }

    /** The provider's secret is deliberately not fetched here: a secret has no place in a snapshot. */
    // SnapStartSecretsIT runs it as SnapStart would.
    @Override
    public final void warmUp() {
        SQSEvent empty = new SQSEvent();
        empty.setRecords(List.of());
        handleRequest(empty, null);
        wiring.warmUpStorage();
    }
}
