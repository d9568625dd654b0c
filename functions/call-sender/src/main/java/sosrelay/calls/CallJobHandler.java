package sosrelay.calls;

import sosrelay.wiring.SqsJobHandler;
import sosrelay.wiring.Wiring;

/** SQS worker: places one Exotel call per job, the jobs of a batch side by side. */
public final class CallJobHandler extends SqsJobHandler {

    public CallJobHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public CallJobHandler(Wiring wiring) {
        super(wiring, Wiring::callJobs);
    }
}
