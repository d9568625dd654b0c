package sosrelay.messages;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import sosrelay.directory.Language;
import sosrelay.incident.ExotelTimes;

/**
 * The words a text fills in for itself, in the text's language: what a missing value reads as, how to
 * acknowledge, the clock. Registered DLT templates fix only the template's own words; these are values,
 * so a Hindi template gets Hindi values, never "none" in the middle of a Hindi sentence.
 */
record Wording(String none, String unknown, String unspecified, String onTheCall, String press1, String contactDesk,
               String callTheDesk, String replyFormat, String replyHereFormat, DateTimeFormatter clock) {
    private static final Wording ENGLISH = new Wording("none", "unknown", "Unspecified", "on the call", "Press 1 on the call",
            "Please contact the emergency desk immediately", "call the emergency desk", "Reply %s to %s", "Reply %s to this message",
            DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH).withZone(ExotelTimes.IST));
    private static final Wording HINDI = new Wording("कोई नहीं", "अज्ञात", "अनिर्दिष्ट", "कॉल पर", "कॉल पर 1 दबाएँ",
            "कृपया तुरंत आपातकालीन डेस्क से संपर्क करें", "आपातकालीन डेस्क से संपर्क करें", "%s को %s पर भेजें", "इस संदेश के उत्तर में %s भेजें",
            DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ExotelTimes.IST));

    static Wording of(Language language) {
        return language == Language.HI ? HINDI : ENGLISH;
    }

    /** "Reply 482913 to this message": where the text itself can be answered (WhatsApp). */
    String replyHere(String code) {
        return String.format(replyHereFormat, code);
    }

    /** "Reply 482913 to 08047000000". */
    String replyTo(String code, String number) {
        return String.format(replyFormat, code, number);
    }
}
