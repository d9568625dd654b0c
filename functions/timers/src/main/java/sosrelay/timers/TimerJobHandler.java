package sosrelay.timers;

import sosrelay.wiring.SqsJobHandler;
import sosrelay.wiring.Wiring;

/** SQS worker for the timers: retries that are due, calls whose callback never came, tiers whose time is up. */
public final class TimerJobHandler extends SqsJobHandler {

    public TimerJobHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public TimerJobHandler(Wiring wiring) {
        super(wiring, Wiring::timerJobs);
    }
}
