package sosrelay.alarm;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import sosrelay.wiring.SnapStartPriming;
import sosrelay.wiring.Wiring;

/**
 * A CloudWatch alarm, by SNS or as the alarm's own Lambda action (two event shapes, so the input is
 * a plain map). Invoked asynchronously: an exception makes Lambda retry, then the dead-letter queue.
 */
public final class CloudWatchAlarmHandler implements RequestHandler<Map<String, Object>, Map<String, Object>>, SnapStartPriming.Primed {
    private final Wiring wiring;
    private final AlarmTrigger alarms;

    public CloudWatchAlarmHandler() {
        this(Wiring.fromEnvironment());
        SnapStartPriming.register(this::warmUp);
    }

    public CloudWatchAlarmHandler(Wiring wiring) {
        this.wiring = wiring;
        this.alarms = wiring.init(Wiring::alarmTrigger);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("alarms", alarms.handle(event));
    }

    /** An INSUFFICIENT_DATA change is parsed and ignored: the parsing path without raising anything. */
    @Override
    public void warmUp() {
        alarms.handle(Map.of("source", "aws.cloudwatch", "alarmData",
                Map.of("alarmName", "priming", "state", Map.of("value", "INSUFFICIENT_DATA"))));
        wiring.warmUpStorage();
        wiring.directory().current();
    }
}
