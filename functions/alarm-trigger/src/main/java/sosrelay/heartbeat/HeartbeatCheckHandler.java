package sosrelay.heartbeat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import sosrelay.wiring.Wiring;

/** Every minute (an EventBridge Scheduler schedule): each heartbeat source silent past its interval raises its incident. */
public final class HeartbeatCheckHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final Heartbeats heartbeats;

    public HeartbeatCheckHandler() {
        this(Wiring.fromEnvironment());
    }

    public HeartbeatCheckHandler(Wiring wiring) {
        this.heartbeats = wiring.init(Wiring::heartbeats);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("raised", heartbeats.check());
    }
}
