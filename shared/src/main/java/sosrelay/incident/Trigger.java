package sosrelay.incident;

import java.time.Instant;

/**
 * What raised an incident, as it is spoken and texted.
 *
 * @param source      {@code exotel-call}, {@code device} or {@code cloudwatch-alarm}
 * @param sourceRef   the source's own id (a CallSid, a device's dedupKey, an alarm's ARN)
 * @param reporter    who reported it, as it should be spoken: a name, a number, a device, an alarm
 * @param description what the trigger said happened (a device's message, an alarm's reason), or null
 * @param location    where, when the trigger knows, or null
 */
public record Trigger(String source, String sourceRef, String reporter, Instant reportedAt, String description,
                      String location) {
}
