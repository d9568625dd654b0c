package sosrelay.greeting;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import sosrelay.incident.ExotelTimes;
import sosrelay.incident.Incident;

/** What Exotel's text-to-speech reads when there is no recording to play. */
public final class SpokenText {
    static final String GENERIC = "This is an emergency alert from S O S Relay. "
            + "Please contact the emergency desk immediately.";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH).withZone(ExotelTimes.IST);

    private SpokenText() {
    }

    /** Type, who reported it, when: what a doctor needs in the first seconds of the call. */
    public static String summary(Incident incident) {
        StringBuilder text = new StringBuilder("Emergency alert. ");
        text.append(speakable(incident.type())).append(" emergency");
        if (incident.reporter() != null) {
            text.append(", reported by ").append(speakable(incident.reporter()));
        }
        if (incident.reportedAt() != null) {
            text.append(" at ").append(CLOCK.format(incident.reportedAt()));
        }
        text.append(". Please respond immediately. I repeat: ").append(speakable(incident.type())).append(" emergency.");
        return text.toString();
    }

    /** Drops characters a text-to-speech engine would spell out or choke on; keeps letters of every script. */
    private static String speakable(String text) {
        String cleaned = text.replaceAll("[^\\p{L}\\p{N} .,'+-]", " ").replaceAll("\\s+", " ").trim();
        return cleaned.length() <= 80 ? cleaned : cleaned.substring(0, 80);
    }
}
