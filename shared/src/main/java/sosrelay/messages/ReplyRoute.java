package sosrelay.messages;

import java.util.EnumMap;
import java.util.Map;
import sosrelay.directory.Language;

/**
 * Texts ask for a reply only where a reply can arrive. An SMS from an alphanumeric DLT header cannot
 * be answered; only a two-way number Exotel set up receives replies. A WhatsApp message can be answered
 * once GupShup's inbound webhook is set to ours ({@code GUPSHUP_INBOUND=on}). Without either, {@code {acknowledge}}
 * says "Press 1 on the call", and a template that asks for a reply code is refused at start-up.
 */
public final class ReplyRoute {
    private ReplyRoute() {
    }

    /** Throws naming the variable when the template asks for {@code {ackCode}} but no reply can arrive. */
    public static void check(String template, String variable, boolean repliesArrive, String why) {
        if (!repliesArrive && template.contains(Placeholder.ACK_CODE.token())) {
            throw new IllegalStateException(variable + " asks for a reply with " + Placeholder.ACK_CODE.token() + " but " + why
                    + ": recipients would believe they acknowledged when they did not. Use " + Placeholder.ACKNOWLEDGE.token()
                    + " instead (it says \"" + IncidentValues.PRESS_1 + "\" until replies can arrive).");
        }
    }

    /**
     * Where the text itself can be answered (WhatsApp with GupShup's inbound webhook set), {@code {acknowledge}} asks, in the
     * text's language, for the code as the answer.
     */
    public static Map<Placeholder, String> replyHere(Map<Placeholder, String> values, boolean repliesArrive, Language language) {
        if (!repliesArrive) {
            return values;
        }
        Map<Placeholder, String> withReply = new EnumMap<>(values);
        withReply.put(Placeholder.ACKNOWLEDGE, Wording.of(language).replyHere(values.get(Placeholder.ACK_CODE)));
        return withReply;
    }

    /** With a reply number, {@code {acknowledge}} asks, in the text's language, for the code sent to it. */
    public static Map<Placeholder, String> replyTo(Map<Placeholder, String> values, String replyNumber, Language language) {
        if (replyNumber == null || replyNumber.isBlank()) {
            return values;
        }
        Map<Placeholder, String> withReply = new EnumMap<>(values);
        withReply.put(Placeholder.ACKNOWLEDGE, Wording.of(language).replyTo(values.get(Placeholder.ACK_CODE), replyNumber.strip()));
        return withReply;
    }
}
