package sosrelay.messages;

import java.util.EnumMap;
import java.util.Map;
import sosrelay.directory.Language;
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
    /** No ack code: a notice, or a code that could not be issued (never shown: {@code {acknowledge}} then says press 1). */
    static final String NONE = "none";
    /** Where no reply can arrive, the one acknowledgement that always works. */
    public static final String PRESS_1 = Wording.of(Language.EN).press1();

    private IncidentValues() {
    }

    /**
     * {@code ackCode}: the recipient's own code (see {@link sosrelay.ack.AckCodes}); {@code language}: the text's, which
     * the words it fills in for itself follow. A caller's number is masked.
     */
    public static Map<Placeholder, String> of(Incident incident, String ackCode, Language language) {
        Wording words = Wording.of(language);
        Trigger trigger = incident.trigger();
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.TYPE, or(incident.type(), words.unspecified()));
        values.put(Placeholder.DESCRIPTION, or(trigger.description(), words.none()));
        boolean recorded = incident.recording().url() != null && !incident.recording().url().isBlank();
        values.put(Placeholder.RECORDING, recorded ? words.onTheCall() : words.none());
        values.put(Placeholder.REF, incident.id());
        values.put(Placeholder.REPORTER, or(PhoneNumbers.maskIfNumber(trigger.reporter()), words.unknown()));
        values.put(Placeholder.LOCATION, or(trigger.location(), words.none()));
        values.put(Placeholder.TIME, trigger.reportedAt() == null ? words.unknown() : words.clock().format(trigger.reportedAt()));
        values.put(Placeholder.ACK_CODE, ackCode);
        values.put(Placeholder.ACKNOWLEDGE, words.press1());
        return values;
    }

    /**
     * For a job whose incident can't be read: the same template (so it still matches DLT), with the
     * ref to look it up by and a description that tells the recipient what to do.
     */
    public static Map<Placeholder, String> unknownIncident(String incidentId, String ackCode, Language language) {
        Wording words = Wording.of(language);
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.TYPE, words.unspecified());
        values.put(Placeholder.DESCRIPTION, words.contactDesk());
        values.put(Placeholder.RECORDING, words.none());
        values.put(Placeholder.REF, incidentId);
        values.put(Placeholder.REPORTER, words.unknown());
        // The location is in every shipped template (the description is not: no free text), and 30 characters fit DLT.
        values.put(Placeholder.LOCATION, words.callTheDesk());
        values.put(Placeholder.TIME, words.unknown());
        values.put(Placeholder.ACK_CODE, ackCode);
        values.put(Placeholder.ACKNOWLEDGE, words.press1());
        return values;
    }

    /** One line of text: a value with line breaks or runs of spaces would change the template's shape. */
    private static String or(String value, String fallback) {
        String oneLine = value == null ? "" : value.replaceAll("\\s+", " ").strip();
        return oneLine.isEmpty() ? fallback : oneLine;
    }
}
