package sosrelay.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;
import sosrelay.json.Json;
import sosrelay.pacing.PacedJob;

/**
 * One notification to send: a person, on a channel, for an incident, as a given attempt. Carries
 * the phone number so the worker needs no read before it calls.
 *
 * @param incidentCreatedAt when the incident was raised, on the first tier's first attempts only: the
 *                          jobs whose time-to-ring is measured (retries and later tiers wait on
 *                          purpose). Carried so the worker needs no read to measure it; null on
 *                          other jobs and on jobs queued before the field existed.
 * @param priority          the incident type's urgency: high-priority jobs go ahead in the shared pacer
 *                          ({@code "priority": "high"|"normal"} in the message; normal when absent)
 * @param notice            null for the alert itself; else what else this message tells (see {@link Notice})
 * @param source            who raised the incident ({@code Trigger.fairnessKey()}: a device key, an alarm, the
 *                          Passthru): the provider budget is shared fairly between sources; null on jobs queued before
 *                          the field existed, which then count as their incident's own source
 * @param slot              null until the provider budget had no room for the job: then the time it was queued
 *                          again to wait for (see {@link PacedJob})
 */
public record DeliveryJob(String incidentId, String personId, String phone, Channel channel, int attempt,
                          Instant incidentCreatedAt, Priority priority, Notice notice, String source, Instant slot)
        implements PacedJob {

    /** A job that has not waited for the budget. */
    public DeliveryJob(String incidentId, String personId, String phone, Channel channel, int attempt,
                       Instant incidentCreatedAt, Priority priority, Notice notice, String source) {
        this(incidentId, personId, phone, channel, attempt, incidentCreatedAt, priority, notice, source, null);
    }

    /** A job without a source: it counts as its incident's own. */
    public DeliveryJob(String incidentId, String personId, String phone, Channel channel, int attempt, Instant incidentCreatedAt,
                       Priority priority, Notice notice) {
        this(incidentId, personId, phone, channel, attempt, incidentCreatedAt, priority, notice, null);
    }

    /** A job whose time-to-ring is not measured. */
    public DeliveryJob(String incidentId, String personId, String phone, Channel channel, int attempt) {
        this(incidentId, personId, phone, channel, attempt, null, Priority.NORMAL, null, null);
    }

    public DeliveryJob(String incidentId, String personId, String phone, Channel channel, int attempt, Instant incidentCreatedAt) {
        this(incidentId, personId, phone, channel, attempt, incidentCreatedAt, Priority.NORMAL, null, null);
    }

    /** The key the provider budget is shared by: the source, or for a job without one, its incident. */
    @Override
    public String fairnessKey() {
        return source == null ? "incident:" + incidentId : source;
    }

    /** Exotel's CustomField (at most 128 characters): the incident and the person, never a URL. */
    public String customField() {
        return incidentId + ":" + personId;
    }

    @Override
    public String messageWithSlot(Instant waitFor) {
        return new DeliveryJob(incidentId, personId, phone, channel, attempt, incidentCreatedAt, priority, notice, source, waitFor)
                .toJson();
    }

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("incidentId", incidentId);
        fields.put("personId", personId);
        fields.put("phone", phone);
        fields.put("channel", channel.id());
        fields.put("attempt", attempt);
        fields.put("priority", priority.id());
        if (incidentCreatedAt != null) {
            fields.put("incidentCreatedAtMillis", incidentCreatedAt.toEpochMilli());
        }
        if (notice != null) {
            fields.put("notice", notice.toFields());
        }
        if (source != null) {
            fields.put("source", source);
        }
        if (slot != null) {
            fields.put("slot", slot.toString());
        }
        return Json.write(fields);
    }

    /** Parses a queued job; throws {@link IllegalArgumentException} naming what is wrong. */
    public static DeliveryJob fromJson(String json) {
        Map<String, Object> fields = Json.readObject(json);
        Channel channel = Channel.parse(text(fields, "channel"));
        if (channel == null) {
            throw new IllegalArgumentException("job has no valid channel");
        }
        Object attempt = fields.get("attempt");
        if (!(attempt instanceof Number number) || number.intValue() < 1) {
            throw new IllegalArgumentException("job has no valid attempt");
        }
        Object createdAt = fields.get("incidentCreatedAtMillis");
        Priority priority = fields.get("priority") == null ? Priority.NORMAL : Priority.parse(String.valueOf(fields.get("priority")));
        if (priority == null) {
            throw new IllegalArgumentException("job has no valid priority");
        }
        return new DeliveryJob(text(fields, "incidentId"), text(fields, "personId"), text(fields, "phone"),
                channel, number.intValue(), createdAt instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : null,
                priority, fields.get("notice") instanceof Map<?, ?> notice ? Notice.fromFields(notice) : null,
                fields.get("source") instanceof String source && !source.isBlank() ? source : null,
                fields.get("slot") instanceof String slot ? Instant.parse(slot) : null);
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("job has no " + name);
        }
        return s;
    }
}
