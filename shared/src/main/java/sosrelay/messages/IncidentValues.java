package sosrelay.messages;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import sosrelay.incident.ExotelTimes;
import sosrelay.directory.PhoneNumbers;
import sosrelay.incident.Incident;
import sosrelay.incident.Trigger;

/**
 * The placeholder values of an incident. A value the incident lacks becomes a short neutral word
 * rather than nothing, so the message still reads as a sentence and still matches its registered
 * template: no description or location is "none", no recording "none", an unknown reporter or
 * time "unknown". Exotel's recording URL is never texted: Exotel serves recordings only with the account's
 * credentials, so it would play for nobody and would spread a patient's voice to every phone it reaches.
 * {@code {recording}} says the recording is on the call; {@code {link}} ({@link IncidentMessages}) links to our copy.
 */
public final class IncidentValues {
    static final String NONE = "none";
    static final String UNKNOWN = "unknown";
    static final String ON_THE_CALL = "on the call";
    /** Where no reply can arrive, the one acknowledgement that always works. */
    public static final String PRESS_1 = "Press 1 on the call";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH).withZone(ExotelTimes.IST);

    private IncidentValues() {
    }

    /** {@code ackCode}: the recipient's own code (see {@link sosrelay.ack.AckCodes}). A caller's number is masked. */
    public static Map<Placeholder, String> of(Incident incident, String ackCode) {
        Trigger trigger = incident.trigger();
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.TYPE, or(incident.type(), "Unspecified"));
        values.put(Placeholder.DESCRIPTION, or(trigger.description(), NONE));
        values.put(Placeholder.RECORDING, incident.recording().url() == null || incident.recording().url().isBlank() ? NONE : ON_THE_CALL);
        values.put(Placeholder.REF, incident.id());
        values.put(Placeholder.REPORTER, or(PhoneNumbers.maskIfNumber(trigger.reporter()), UNKNOWN));
        values.put(Placeholder.LOCATION, or(trigger.location(), NONE));
        values.put(Placeholder.TIME, time(trigger.reportedAt()));
        values.put(Placeholder.ACK_CODE, ackCode);
        values.put(Placeholder.ACKNOWLEDGE, PRESS_1);
        return values;
    }

    /**
     * For a job whose incident can't be read: the same template (so it still matches DLT), with the
     * ref to look it up by and a description that tells the recipient what to do.
     */
    public static Map<Placeholder, String> unknownIncident(String incidentId, String ackCode) {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.TYPE, "Unspecified");
        values.put(Placeholder.DESCRIPTION, "Please contact the emergency desk immediately");
        values.put(Placeholder.RECORDING, NONE);
        values.put(Placeholder.REF, incidentId);
        values.put(Placeholder.REPORTER, UNKNOWN);
        values.put(Placeholder.LOCATION, NONE);
        values.put(Placeholder.TIME, UNKNOWN);
        values.put(Placeholder.ACK_CODE, ackCode);
        values.put(Placeholder.ACKNOWLEDGE, PRESS_1);
        return values;
    }

    static String time(Instant at) {
        return at == null ? UNKNOWN : CLOCK.format(at);
    }

    /** One line of text: a value with line breaks or runs of spaces would change the template's shape. */
    private static String or(String value, String fallback) {
        String oneLine = value == null ? "" : value.replaceAll("\\s+", " ").strip();
        return oneLine.isEmpty() ? fallback : oneLine;
    }
}
