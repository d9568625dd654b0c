package sosrelay.timers;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import sosrelay.json.Json;

/**
 * Something to do later for an incident.
 *
 * @param kind       RETRY: place attempt {@code attempt} to the person; CALL_CHECK: ask Exotel how call
 *                   {@code providerId} ended if no callback came; ESCALATE: tier {@code tier}'s time is up;
 *                   RECORDING_FETCH: try {@code attempt} at copying the incident's recording into our bucket;
 *                   PASSTHRU_CHECK: ask Exotel whether the Passthru's CallSid {@code providerId} is a real inbound call
 *                   ({@code attempt}: which of its asks across Exotel's lag this is); DISPATCH_CHECK: resume the raise
 *                   if the incident is still not dispatched (its raise froze or died)
 * @param round      how many times a CALL_CHECK has found the call still going; for ESCALATE, the round of the tiers (0 is
 *                   the first); for PASSTHRU_CHECK, how many times Exotel could not say (5xx, 429, no answer)
 */
public record TimerJob(Kind kind, Instant dueAt, String incidentId, String personId, String channel, int attempt, int tier,
                       String providerId, int round) {

    public enum Kind { RETRY, CALL_CHECK, ESCALATE, RECORDING_FETCH, PASSTHRU_CHECK, DISPATCH_CHECK }

    public static TimerJob retry(Instant dueAt, String incidentId, String personId, String channel, int attempt) {
        return new TimerJob(Kind.RETRY, dueAt, incidentId, personId, channel, attempt, 0, null, 0);
    }

    public static TimerJob callCheck(Instant dueAt, String incidentId, String personId, int attempt, String callSid, int round) {
        return new TimerJob(Kind.CALL_CHECK, dueAt, incidentId, personId, "call", attempt, 0, callSid, round);
    }

    public static TimerJob escalate(Instant dueAt, String incidentId, int tier, int round) {
        return new TimerJob(Kind.ESCALATE, dueAt, incidentId, null, null, 0, tier, null, round);
    }

    public static TimerJob recordingFetch(Instant dueAt, String incidentId, int attempt) {
        return new TimerJob(Kind.RECORDING_FETCH, dueAt, incidentId, null, null, attempt, 0, null, 0);
    }

    public static TimerJob passthruCheck(Instant dueAt, String incidentId, String callSid, int ask, int unavailable) {
        return new TimerJob(Kind.PASSTHRU_CHECK, dueAt, incidentId, null, null, ask, 0, callSid, unavailable);
    }

    public static TimerJob dispatchCheck(Instant dueAt, String incidentId) {
        return new TimerJob(Kind.DISPATCH_CHECK, dueAt, incidentId, null, null, 0, 0, null, 0);
    }

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind.name());
        fields.put("dueAt", dueAt.toString());
        fields.put("incidentId", incidentId);
        fields.put("personId", personId);
        fields.put("channel", channel);
        fields.put("attempt", attempt);
        fields.put("tier", tier);
        fields.put("providerId", providerId);
        fields.put("round", round);
        return Json.write(fields);
    }

    /** Throws {@link IllegalArgumentException} for anything that is not a timer job. */
    public static TimerJob fromJson(String json) {
        Map<String, Object> f = Json.readObject(json);
        try {
            return new TimerJob(Kind.valueOf(String.valueOf(f.get("kind")).toUpperCase(Locale.ROOT)),
                    Instant.parse(String.valueOf(f.get("dueAt"))), text(f, "incidentId"), (String) f.get("personId"),
                    (String) f.get("channel"), number(f, "attempt"), number(f, "tier"), (String) f.get("providerId"),
                    number(f, "round"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a timer job: " + e.getMessage(), e);
        }
    }

    private static String text(Map<String, Object> f, String name) {
        if (!(f.get(name) instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return s;
    }

    private static int number(Map<String, Object> f, String name) {
        return f.get(name) instanceof Number n ? n.intValue() : 0;
    }
}
