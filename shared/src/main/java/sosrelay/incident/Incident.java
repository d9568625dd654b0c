package sosrelay.incident;

import java.time.Instant;
import java.util.List;
import sosrelay.directory.Person;

/**
 * An emergency and everyone it was meant to reach. Recipients are a snapshot of the directory at
 * the time, so a later directory change never changes whom an open incident concerns.
 *
 * @param source        what raised it, e.g. {@code exotel-call}
 * @param sourceRef     the source's own id (Exotel's CallSid), what repeats are recognised by
 * @param typeNote      why the incident fell back to the default type, or null
 * @param reporter      who reported it, as it should be spoken (a name, or a number)
 * @param recordingUrl  an allow-listed recording, or null (then the greeting speaks a text)
 * @param recordingNote why a recording URL was not accepted, or null
 */
public record Incident(
        String id,
        String source,
        String sourceRef,
        String type,
        String typeNote,
        String reporter,
        Instant reportedAt,
        String recordingUrl,
        Instant recordingAvailableAt,
        String recordingNote,
        List<Person> recipients) {
}
