package sosrelay.messages;

import java.util.List;
import java.util.Locale;

/** What a message template may say about an incident, written {@code {name}} in the template. */
public enum Placeholder {
    TYPE, DESCRIPTION,
    /** Whether there is a recording ("on the call", "none"): the templates before {@link #LINK}. */
    RECORDING, REF, REPORTER, LOCATION, TIME, ACK_CODE,
    /** How to acknowledge, where replies can arrive ("Reply 482913 to 08047000000") or not ("Press 1 on the call"). */
    ACKNOWLEDGE,
    /**
     * The recipient's own recording link, {@code <SOS_PUBLIC_BASE_URL>/r/<token>} ({@code /r/none} without a recording):
     * registered with DLT as the base and {@code /r/} in the template's text and the token as its {@code {#var#}}.
     */
    LINK,
    /** Notices only: who acknowledged ("Dr. Rao, Nurse station") and how many of how many ("2 of 2"). */
    COMING, COUNT;

    /**
     * The free-text values, in the order an over-long message gives them up: what the trigger said,
     * then where, then who. Type, ref, the acknowledgement code and the recording link are never
     * shortened: they are what the recipient acts on.
     */
    static final List<Placeholder> SHORTENABLE = List.of(DESCRIPTION, LOCATION, REPORTER);

    /** {@code {type}}, {@code {ackCode}}: the name in camel case. */
    public String token() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder token = new StringBuilder("{").append(words[0]);
        for (int i = 1; i < words.length; i++) {
            token.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return token.append('}').toString();
    }
}
