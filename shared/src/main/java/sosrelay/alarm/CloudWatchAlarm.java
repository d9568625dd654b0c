package sosrelay.alarm;

import java.time.Instant;

/** One CloudWatch alarm state change, whichever way it reached us. */
public record CloudWatchAlarm(String name, String arn, String state, String reason, Instant changedAt) {

    /** What must have one open incident at a time: the alarm itself. */
    public String group() {
        return "alarm:" + (arn != null ? arn : name);
    }
}
