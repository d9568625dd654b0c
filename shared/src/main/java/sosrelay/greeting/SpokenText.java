package sosrelay.greeting;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import sosrelay.directory.Language;
import sosrelay.incident.ExotelTimes;
import sosrelay.incident.Incident;
import sosrelay.incident.Trigger;

/**
 * What Exotel's text-to-speech reads when there is no recording to play, in the language of the outbound
 * flow's Greeting applet ({@code GREETING_LANGUAGE}): the applet's voice reads whatever it is given, so
 * English read by a Hindi voice, or the reverse, would be noise to the person who picked up.
 */
public final class SpokenText {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH).withZone(ExotelTimes.IST);
    private static final DateTimeFormatter CLOCK_24 = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ExotelTimes.IST);

    private SpokenText() {
    }

    /** When nothing about the incident can be read: what to do all the same. */
    public static String generic(Language language) {
        return language == Language.HI
                ? "एस ओ एस रिले से आपातकालीन सूचना. कृपया तुरंत आपातकालीन डेस्क से संपर्क करें."
                : "This is an emergency alert from S O S Relay. Please contact the emergency desk immediately.";
    }

    /** Type, who reported it, when, and where and what when the trigger said: what a doctor needs first. */
    public static String summary(Incident incident, Language language) {
        Trigger trigger = incident.trigger();
        boolean hindi = language == Language.HI;
        String type = speakable(incident.type(), 80);
        if (Trigger.TEST_CALL.equals(trigger.source())) {
            String name = incident.recipients().isEmpty() ? (hindi ? "आप" : "you") : speakable(incident.recipients().get(0).name(), 80);
            return hindi
                    ? "यह एस ओ एस रिले से " + name + " के लिए परीक्षण कॉल है. यह आपातकाल नहीं है. यह नंबर आप तक पहुँचता है, इसकी पुष्टि के लिए 1 दबाएँ."
                    : "This is a test call from S O S Relay for " + name + ". It is not an emergency. "
                    + "Press 1 to confirm that this number reaches you.";
        }
        if (Trigger.DRILL.equals(trigger.source())) {
            return hindi
                    ? "यह एस ओ एस रिले का अभ्यास है. यह आपातकाल नहीं है. " + type + " आपातकाल का अभ्यास. "
                    + "आप प्रतिक्रिया देंगे, इसकी पुष्टि के लिए 1 दबाएँ. मैं दोहराता हूँ: यह केवल अभ्यास है."
                    : "This is a drill from S O S Relay. It is not an emergency. " + type + " emergency drill. "
                    + "Press 1 to confirm that you would respond. I repeat: this is only a drill.";
        }
        StringBuilder text = new StringBuilder(hindi ? "आपातकालीन सूचना. " : "Emergency alert. ");
        text.append(type).append(hindi ? " आपातकाल" : " emergency");
        if (trigger.reporter() != null) {
            text.append(hindi ? ", सूचना देने वाले " : ", reported by ").append(speakable(trigger.reporter(), 80));
        }
        if (trigger.reportedAt() != null) {
            text.append(hindi ? ", समय " + CLOCK_24.format(trigger.reportedAt()) : " at " + CLOCK.format(trigger.reportedAt()));
        }
        text.append('.');
        if (trigger.location() != null) {
            text.append(hindi ? " स्थान: " : " Location: ").append(speakable(trigger.location(), 120)).append('.');
        }
        if (trigger.description() != null) {
            text.append(' ').append(speakable(trigger.description(), 300)).append('.');
        }
        text.append(hindi ? " कृपया तुरंत प्रतिक्रिया दें. मैं दोहराता हूँ: " + type + " आपातकाल."
                : " Please respond immediately. I repeat: " + type + " emergency.");
        return text.toString();
    }

    /**
     * For whoever raised the emergency, when every round of its tiers ended without enough
     * acknowledgements: say it plainly, so the desk turns to the overhead page at once.
     */
    public static String unanswered(Incident incident, Language language) {
        String type = speakable(incident.type(), 80);
        if (language == Language.HI) {
            return "एस ओ एस रिले. आपके बताए " + type + " आपातकाल की हर स्तर के बाद भी किसी ने पुष्टि नहीं की"
                    + (incident.repeat() > 0 ? ", " + (incident.repeat() + 1) + " दौर के बाद भी" : "")
                    + ". अभी ओवरहेड पेज का उपयोग करें. मैं दोहराता हूँ: " + type + " आपातकाल के लिए कोई नहीं आ रहा. अभी ओवरहेड पेज का उपयोग करें.";
        }
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
