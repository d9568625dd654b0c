package sosrelay.messages;

import java.util.EnumMap;
import java.util.Map;

/**
 * A message text with {@code {type}}-style placeholders. The text is configuration, not code: in
 * India an SMS must match the DLT template registered for the sender, and a WhatsApp message the
 * approved template, word for word, so only the operator can change it.
 *
 * <p>A message longer than {@code maxLength} is never refused: the free-text values give up
 * characters first (description, then location, then reporter); type, ref and recording link are
 * kept whole. Only a template whose own text is too long loses its end.
 */
public final class MessageTemplate {
    static final String CUT = "...";

    private final String text;
    private final int maxLength;

    public MessageTemplate(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a message template needs some text");
        }
        this.text = text;
        this.maxLength = maxLength;
    }

    /** Whether the text says {@code placeholder} (a value costs a write to issue: it is made only when said). */
    public boolean uses(Placeholder placeholder) {
        return text.contains(placeholder.token());
    }

    /** Fills every placeholder in one pass (a value that contains {@code {ref}} stays as written). */
    public String render(Map<Placeholder, String> values) {
        Map<Placeholder, String> fitted = new EnumMap<>(values);
        String message = fill(fitted);
        for (Placeholder shortenable : Placeholder.SHORTENABLE) {
            if (message.length() <= maxLength) {
                return message;
            }
            fitted.put(shortenable, shorten(fitted.get(shortenable), message.length() - maxLength, occurrences(shortenable)));
            message = fill(fitted);
        }
        return message.length() <= maxLength ? message : message.substring(0, maxLength);
    }

    private String fill(Map<Placeholder, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 256);
        int at = 0;
        while (at < text.length()) {
            Placeholder found = placeholderAt(at);
            if (found == null) {
                out.append(text.charAt(at++));
            } else {
                out.append(values.getOrDefault(found, ""));
                at += found.token().length();
            }
        }
        return out.toString();
    }

    private Placeholder placeholderAt(int at) {
        for (Placeholder placeholder : Placeholder.values()) {
            if (text.startsWith(placeholder.token(), at)) {
                return placeholder;
            }
        }
        return null;
    }

    private int occurrences(Placeholder placeholder) {
        int count = 0;
        for (int at = text.indexOf(placeholder.token()); at >= 0; at = text.indexOf(placeholder.token(), at + 1)) {
            count++;
        }
        return count;
    }

    /** Takes {@code excess} characters off the message, spread over the value's every occurrence, marked with "...". */
    private static String shorten(String value, int excess, int occurrences) {
        if (value == null || occurrences == 0) {
            return value;
        }
        int keep = value.length() - (excess + occurrences - 1) / occurrences - CUT.length();
        return keep <= 0 ? "" : value.substring(0, keep).strip() + CUT;
    }
}
