package sosrelay.log;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import sosrelay.json.Json;

/**
 * One JSON object per line on stdout: what Lambda's JSON log format and CloudWatch Logs Insights
 * read best, and no logging framework to load on a cold start. Callers pass phone numbers through
 * {@link sosrelay.directory.PhoneNumbers#mask} and never pass secrets.
 */
public final class Log {
    private Log() {
    }

    public static void info(String event, Object... keyValues) {
        write("INFO", event, keyValues);
    }

    public static void warn(String event, Object... keyValues) {
        write("WARN", event, keyValues);
    }

    public static void error(String event, Object... keyValues) {
        write("ERROR", event, keyValues);
    }

    private static void write(String level, String event, Object... keyValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("event", event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            line.put(String.valueOf(keyValues[i]), value instanceof Throwable t ? describe(t) : value);
        }
        System.out.println(Json.write(line));
    }

    /** Type and message only: a stack trace in a log line can carry request data we never meant to keep. */
    private static String describe(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
