package sosrelay.drills;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import sosrelay.wiring.Wiring;

/** Every minute (an EventBridge Scheduler schedule): the directory's drills that are due start, once each. */
public final class DrillScheduleHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final ScheduledDrills drills;

    public DrillScheduleHandler() {
        this(Wiring.fromEnvironment());
    }

    public DrillScheduleHandler(Wiring wiring) {
        this.drills = wiring.init(Wiring::scheduledDrills);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("started", drills.run());
    }
}
