package sosrelay.greeting;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import sosrelay.incident.ExotelTimes;
import sosrelay.incident.Incident;
import sosrelay.incident.Trigger;

/** What Exotel's text-to-speech reads when there is no recording to play. */
public final class SpokenText {
    static final String GENERIC = "This is an emergency alert from S O S Relay. "
            + "Please contact the emergency desk immediately.";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH).withZone(ExotelTimes.IST);

    private SpokenText() {
    }

    /** Type, who reported it, when, and where and what when the trigger said: what a doctor needs first. */
    public static String summary(Incident incident) {
        Trigger trigger = incident.trigger();
        if (Trigger.TEST_CALL.equals(trigger.source())) {
            String name = incident.recipients().isEmpty() ? "you" : speakable(incident.recipients().get(0).name(), 80);
            return "This is a test call from S O S Relay for " + name + ". It is not an emergency. "
                    + "Press 1 to confirm that this number reaches you.";
        }
        if (Trigger.DRILL.equals(trigger.source())) {
            String type = speakable(incident.type(), 80);
            return "This is a drill from S O S Relay. It is not an emergency. " + type + " emergency drill. "
                    + "Press 1 to confirm that you would respond. I repeat: this is only a drill.";
        }
        StringBuilder text = new StringBuilder("Emergency alert. ");
        text.append(speakable(incident.type(), 80)).append(" emergency");
        if (trigger.reporter() != null) {
            text.append(", reported by ").append(speakable(trigger.reporter(), 80));
        }
        if (trigger.reportedAt() != null) {
            text.append(" at ").append(CLOCK.format(trigger.reportedAt()));
        }
        text.append('.');
        if (trigger.location() != null) {
            text.append(" Location: ").append(speakable(trigger.location(), 120)).append('.');
        }
        if (trigger.description() != null) {
            text.append(' ').append(speakable(trigger.description(), 300)).append('.');
        }
        text.append(" Please respond immediately. I repeat: ").append(speakable(incident.type(), 80)).append(" emergency.");
        return text.toString();
    }

    /**
     * For whoever raised the emergency, when every round of its tiers ended without enough
     * acknowledgements: say it plainly, so the desk turns to the overhead page at once.
     */
    public static String unanswered(Incident incident) {
        String type = speakable(incident.type(), 80);
        return "S O S Relay. Nobody has confirmed the " + type + " emergency you reported, after every tier"
                + (incident.repeat() > 0 ? " and " + (incident.repeat() + 1) + " rounds" : "")
                + ". Use the overhead page now. I repeat: nobody is coming for the " + type + " emergency. Use the overhead page now.";
    }

    /**
     * Drops characters a text-to-speech engine would spell out or choke on; keeps the letters, combining
     * marks (Indic vowel signs and viramas: "हृदय" is not "ह दय") and digits of every script.
     */
    private static String speakable(String text, int max) {
        String cleaned = text.replaceAll("[^\\p{L}\\p{M}\\p{N} .,'+-]", " ").replaceAll("\\s+", " ").trim();
        cleaned = cleaned.replaceAll("[.]+$", "");
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
    }
}
