package sosrelay.pacing;

import java.time.Instant;
import java.util.Map;
import sosrelay.json.Json;

/**
 * A job body may carry a send time ({@code slot}): a job the budget had no room for is queued again, delayed
 * until the budget expects room, with that time. On arrival it asks no earlier than its slot, and asks as a
 * backlog (it has waited once). Kept beside the job's own fields so older workers simply ignore it.
 */
public final class PacedJobs {
    private static final String SLOT = "slot";

    private PacedJobs() {
    }

    /** The time the job was put back to wait for, or null for a job that has not waited. */
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
