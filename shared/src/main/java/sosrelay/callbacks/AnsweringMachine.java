package sosrelay.callbacks;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Exotel's answering-machine detection, as a terminal callback reports it: {@code Legs[i][AnsweredBy]}
 * is {@code human} or names a machine ({@code machine}, {@code machine_start}, {@code machine_end_beep}…).
 */
final class AnsweringMachine {
    private static final Pattern LEG_ANSWERED_BY = Pattern.compile("Legs\\[\\d+\\]\\[AnsweredBy\\]");

    private AnsweringMachine() {
    }

    /** True when any leg says a machine answered. */
    static boolean answered(Map<String, String> fields) {
        return fields.entrySet().stream()
                .filter(field -> LEG_ANSWERED_BY.matcher(field.getKey()).matches() || "AnsweredBy".equals(field.getKey()))
                .anyMatch(field -> field.getValue() != null && field.getValue().toLowerCase(Locale.ROOT).contains("machine"));
    }
}
