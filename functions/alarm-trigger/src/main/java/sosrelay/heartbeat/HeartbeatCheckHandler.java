package sosrelay.heartbeat;

import sosrelay.wiring.ScheduleHandler;
import sosrelay.wiring.Wiring;

/** Every minute (an EventBridge Scheduler schedule): each heartbeat source silent past its interval raises its incident. */
public final class HeartbeatCheckHandler extends ScheduleHandler {

    public HeartbeatCheckHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public HeartbeatCheckHandler(Wiring wiring) {
        super(wiring, Wiring::heartbeatCheck);
    }
}
