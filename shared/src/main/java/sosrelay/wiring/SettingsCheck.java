package sosrelay.wiring;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;

/**
 * tools/doctor's question to a deployed function, sent with Lambda's Invoke: {@code {"Records":[{"eventSource":
 * "sos-relay:settings-check"}]}}, one shape every handler's input reads (an SQS batch, an API Gateway or schedule
 * map). The function reads and checks each secret its settings name, from SSM with its own role as it will when a
 * request comes, and answers normally, or fails naming each problem (never a value). No event AWS sends has that source;
 * only whoever may invoke the function can ask.
 */
public final class SettingsCheck {
    public static final String EVENT_SOURCE = "sos-relay:settings-check";
    /** The payload doctor sends. */
    public static final String PAYLOAD = "{\"Records\":[{\"eventSource\":\"" + EVENT_SOURCE + "\"}]}";

    private SettingsCheck() {
    }

    /** Whether {@code event} is the doctor's question rather than a real event. */
    public static boolean asked(Map<String, Object> event) {
        return event != null && event.get("Records") instanceof List<?> records && records.size() == 1
                && records.get(0) instanceof Map<?, ?> record && EVENT_SOURCE.equals(record.get("eventSource"));
    }

    /**
     * The function's answer: every secret it names, read now with its role and checked, listed; or an
     * {@link IllegalStateException} naming every problem (never a value), which Lambda reports as the invoke's error.
     */
    public static Map<String, Object> answer(Wiring wiring) {
        List<String> problems = SecretReads.problems(wiring.base);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("settings check: " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        }
        return Map.of("settingsCheck", "ok", "secrets", List.copyOf(wiring.base.settings.secretSources().keySet()));
    }

    static boolean asked(SQSEvent event) {
        return event != null && event.getRecords() != null && event.getRecords().size() == 1
                && EVENT_SOURCE.equals(event.getRecords().get(0).getEventSource());
    }
}
