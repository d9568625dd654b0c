package sosrelay.plivo;

import sosrelay.directory.Language;
import sosrelay.greeting.WhatTheyHear;

/**
 * The Plivo XML we answer with. Only {@code <Speak>} and {@code <Play>} nest inside {@code <GetInput>}; Plivo's own voices
 * have no {@code en-IN} or {@code hi-IN}, so every {@code <Speak>} is Amazon Polly's Aditi in the greeting's language.
 */
final class PlivoXml {
    private PlivoXml() {
    }

    /** What they hear (null: nothing), then "press 1, or 2", gathered as one DTMF digit posted to {@code action}; then a word if no key came. */
    static String askForAKey(WhatTheyHear.Heard heard, Language language, String action) {
        boolean hindi = language == Language.HI;
        String what = heard == null ? "" : heard.recordingUrl() != null ? "<Play>" + escape(heard.recordingUrl()) + "</Play>"
                : speak(heard.text(), language);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<GetInput action=\"" + escape(action) + "\" method=\"POST\" inputType=\"dtmf\" numDigits=\"1\""
                + " digitEndTimeout=\"5\" executionTimeout=\"15\" redirect=\"true\">"
                + what
                + speak(hindi ? "यदि आप आ रहे हैं तो 1 दबाएँ. यदि आप नहीं आ सकते तो 2 दबाएँ."
                        : "Press 1 if you are coming. Press 2 if you cannot come.", language)
                + "</GetInput>"
                + speak(hindi ? "कोई बटन नहीं दबाया गया. अलविदा." : "No key was pressed. Goodbye.", language)
                + "</Response>";
    }

    /** A key that was neither 1 nor 2: only the question again, gathered as before. */
    static String askAgain(Language language, String action) {
        return askForAKey(null, language, action);
    }

    /** Words only, and the call ends. */
    static String say(String text, Language language) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + speak(text, language) + "</Response>";
    }

    private static String speak(String text, Language language) {
        return "<Speak voice=\"Polly.Aditi\" language=\"" + (language == Language.HI ? "hi-IN" : "en-IN") + "\">" + escape(text) + "</Speak>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
