package sosrelay.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The languages texts are written in: a person's {@code language} in the directory picks their SMS and
 * WhatsApp texts, and {@code GREETING_LANGUAGE} the spoken summary. English and Hindi are shipped; a
 * person whose language has no text configured gets English.
 */
public enum Language {
    EN("en"), HI("hi");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code written in the directory and in settings. */
    public String code() {
        return code;
    }

    /** Null for a code no text is shipped for; {@link #codes()} names the ones there are. */
    public static Language fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.code.equals(wanted)).findFirst().orElse(null);
    }

    /** "en, hi". */
    public static String codes() {
        return Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", "));
    }
}
