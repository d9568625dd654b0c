package sosrelay.messages;

import java.util.List;
import java.util.Locale;

/** What a message template may say about an incident, written {@code {name}} in the template. */
public enum Placeholder {
    TYPE, DESCRIPTION, RECORDING, REF, REPORTER, LOCATION, TIME;

    /**
     * The free-text values, in the order an over-long message gives them up: what the trigger said,
     * then where, then who. Type, ref and the recording link are never shortened: they are what the
     * recipient acts on.
     */
    static final List<Placeholder> SHORTENABLE = List.of(DESCRIPTION, LOCATION, REPORTER);

    public String token() {
        return "{" + name().toLowerCase(Locale.ROOT) + "}";
    }
}
