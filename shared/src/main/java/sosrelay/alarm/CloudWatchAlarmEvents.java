package sosrelay.alarm;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sosrelay.json.Json;

/**
 * Reads the two ways a CloudWatch alarm reaches the function: an SNS notification (the alarm as JSON
 * in each record's {@code Sns.Message}) and the alarm invoking the function directly as its action
 * ({@code "source": "aws.cloudwatch"} with {@code alarmData}).
 */
public final class CloudWatchAlarmEvents {
    /** CloudWatch writes {@code 2021-07-16T10:11:28.123+0000}: an offset without a colon. */
    private static final DateTimeFormatter CLOUDWATCH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");

    private CloudWatchAlarmEvents() {
    }

    /** The alarms in the event; {@link IllegalArgumentException} names what is missing when it is neither shape. */
    public static List<CloudWatchAlarm> parse(Map<String, Object> event) {
        if (event == null) {
            throw new IllegalArgumentException("empty event");
        }
        if ("aws.cloudwatch".equals(event.get("source"))) {
            return List.of(direct(event));
        }
        if (event.get("Records") instanceof List<?> records) {
            List<CloudWatchAlarm> alarms = new ArrayList<>();
            for (Object record : records) {
                Map<?, ?> sns = map(map(record, "record").get("Sns"), "Records[].Sns");
                alarms.add(notification(Json.readObject(text(sns, "Message"))));
            }
            return alarms;
        }
        throw new IllegalArgumentException("neither a CloudWatch alarm action (source aws.cloudwatch) nor an SNS notification (Records)");
    }

    private static CloudWatchAlarm direct(Map<String, Object> event) {
        Map<?, ?> data = map(event.get("alarmData"), "alarmData");
        Map<?, ?> state = map(data.get("state"), "alarmData.state");
        return new CloudWatchAlarm(text(data, "alarmName"), optional(event, "alarmArn"), text(state, "value"),
                optional(state, "reason"), time(optional(state, "timestamp"), optional(event, "time")));
    }

    private static CloudWatchAlarm notification(Map<String, Object> message) {
        return new CloudWatchAlarm(text(message, "AlarmName"), optional(message, "AlarmArn"), text(message, "NewStateValue"),
                optional(message, "NewStateReason"), time(optional(message, "StateChangeTime"), null));
    }

    private static Instant time(String preferred, String fallback) {
        for (String text : new String[] {preferred, fallback}) {
            if (text != null) {
                try {
                    return OffsetDateTime.parse(text, CLOUDWATCH_TIME).toInstant();
                } catch (DateTimeParseException notCloudWatchShape) {
                    try {
                        return Instant.parse(text);
                    } catch (DateTimeParseException unreadable) {
                        // try the fallback
                    }
                }
            }
        }
        return null;
    }

    private static Map<?, ?> map(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(what + " is missing");
    }

    private static String text(Map<?, ?> map, String key) {
        String value = optional(map, key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return value;
    }

    private static String optional(Map<?, ?> map, String key) {
        return map.get(key) instanceof String s && !s.isBlank() ? s : null;
    }
}
