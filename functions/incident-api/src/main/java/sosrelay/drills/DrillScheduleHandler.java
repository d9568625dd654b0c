package sosrelay.drills;

import sosrelay.wiring.ScheduleHandler;
import sosrelay.wiring.Wiring;

/** Every minute (an EventBridge Scheduler schedule): the directory's drills that are due start, once each. */
public final class DrillScheduleHandler extends ScheduleHandler {

    public DrillScheduleHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public DrillScheduleHandler(Wiring wiring) {
        super(wiring, Wiring::drillSchedule);
    }
}
