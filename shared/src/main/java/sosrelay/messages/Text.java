package sosrelay.messages;

import sosrelay.directory.Language;

/** A message ready to send, and the language it is in (an SMS's DLT template differs by language). */
public record Text(String body, Language language) {

    /** A text in English. */
    public static Text english(String body) {
        return new Text(body, Language.EN);
    }
}
