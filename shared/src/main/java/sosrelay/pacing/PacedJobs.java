package sosrelay.pacing;

import java.time.Instant;
import java.util.Map;
import sosrelay.json.Json;

/**
 * A job body may carry the send time reserved for it ({@code slot}): a job whose slot was too far off
 * to wait for is queued again, delayed, with its slot, and goes out on arrival without reserving
 * again. Kept beside the job's own fields so older workers simply ignore it.
 */
public final class PacedJobs {
    private static final String SLOT = "slot";

    private PacedJobs() {
    }

    /** The reserved send time, or null. */
    public static Instant slotOf(String body) {
        Object slot = Json.readObject(body).get(SLOT);
        return slot instanceof String text ? Instant.parse(text) : null;
    }

    public static String withSlot(String body, Instant slot) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(Json.readObject(body));
        fields.put(SLOT, slot.toString());
        return Json.write(fields);
    }
}
