package sosrelay.incident;

import java.time.Instant;

/**
 * What raised an incident, as it is spoken and texted.
 *
 * @param source      {@code exotel-call}, {@code device}, {@code cloudwatch-alarm}, or an exercise: {@link #DRILL}, {@link #TEST_CALL}
 * @param sourceRef   the source's own id (a CallSid, a device's dedupKey, an alarm's ARN)
 * @param reporter    who reported it, as it should be spoken: a name, a number, a device, an alarm
 * @param description what the trigger said happened (a device's message, an alarm's reason), or null
 * @param location    where, when the trigger knows, or null
 * @param reportTo    the phone (E.164) told who is coming, or that nobody is: the Passthru's caller, a device's
 *                    {@code reportTo}; null when nobody is to be told
 * @param raisedBy    which of the source's senders raised it, when one source has many (a device API key's id, an
 *                    alarm's name), or null: with the source, the key the shared provider budget is shared fairly by
 */
public record Trigger(String source, String sourceRef, String reporter, Instant reportedAt, String description,
                      String location, String reportTo, String raisedBy) {
    /** A person calling the emergency line (Exotel's Passthru): no maintenance window silences it. */
    public static final String EMERGENCY_LINE = "exotel-call";
    /** An operator's drill: the type's whole chain, every call and text saying it is a drill. */
    public static final String DRILL = "drill";
    /** An operator's test call to one person. */
    public static final String TEST_CALL = "test-call";

    public Trigger(String source, String sourceRef, String reporter, Instant reportedAt, String description, String location) {
        this(source, sourceRef, reporter, reportedAt, description, location, null, null);
    }

    public Trigger(String source, String sourceRef, String reporter, Instant reportedAt, String description, String location,
                   String reportTo) {
        this(source, sourceRef, reporter, reportedAt, description, location, reportTo, null);
    }

    /** A drill or a test call: rings people as an emergency would, but pages no operator and reports back to nobody. */
    public boolean exercise() {
        return DRILL.equals(source) || TEST_CALL.equals(source);
    }

    /** Who the shared provider budget counts this incident's jobs against: no one of them may take all of it. */
    public String fairnessKey() {
        return raisedBy == null ? source : source + ":" + raisedBy;
    }
}
