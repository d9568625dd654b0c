package sosrelay.directory;

import java.util.regex.Pattern;

/** Indian phone numbers as people write them, to E.164; and masked for logs. */
public final class PhoneNumbers {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile("(?<![\\p{Alnum}+])\\+?\\d{10,15}(?!\\p{Alnum})");

    private PhoneNumbers() {
    }

    /**
     * {@code +919800000001}, {@code 919800000001}, {@code 09800000001}, {@code 9800000001} and
     * {@code 0091 98000 00001} all become {@code +919800000001}; other countries need their {@code +}.
     * Returns null when the text is not a phone number.
     */
    public static String toE164(String text) {
        if (text == null) {
            return null;
        }
        String compact = SEPARATORS.matcher(text.trim()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        boolean international = compact.startsWith("+");
        String digits = international ? compact.substring(1) : compact;
        if (!DIGITS.matcher(digits).matches()) {
            return null;
        }
        if (international) {
            if (digits.startsWith("91")) {
                return digits.length() == 12 ? "+" + digits : null;
            }
            return digits.length() >= 8 && digits.length() <= 15 && digits.charAt(0) != '0' ? "+" + digits : null;
        }
        if (digits.length() == 10 && digits.charAt(0) != '0') {
            return "+91" + digits;
        }
        if (digits.length() == 11 && digits.charAt(0) == '0') {
            return "+91" + digits.substring(1);
        }
        if (digits.length() == 12 && digits.startsWith("91")) {
            return "+" + digits;
        }
        return null;
    }

    /** {@code +919800000001} becomes {@code +91******0001}: enough to tell people apart in a log. */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        int keepStart = phone.startsWith("+") ? 3 : 0;
        int keepEnd = 4;
        if (phone.length() <= keepStart + keepEnd) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, keepStart) + "*".repeat(phone.length() - keepStart - keepEnd)
                + phone.substring(phone.length() - keepEnd);
    }

    /**
     * Free text with every phone-number-like run (10 to 15 digits, an optional {@code +}, nothing alphanumeric either
     * side) masked: a provider's error says which number it refused, and that text goes to logs, deliveries and the
     * timeline. Longer runs (message ids) are left as they are.
     */
    public static String maskWithin(String text) {
        return text == null ? null : NUMBER_IN_TEXT.matcher(text).replaceAll(found -> mask(found.group()));
    }

    /**
     * A caller's number as it may be shown to recipients and API readers (masked), and any other reporter
     * ("panel-7", "a device") as it is. A number is what has six or more digits and nothing but dial characters.
     */
    public static String maskIfNumber(String reporter) {
        if (reporter == null || !reporter.matches("[+\\d\\s\\-().xX*]+") || reporter.replaceAll("\\D", "").length() < 6) {
            return reporter;
        }
        String e164 = toE164(reporter);
        return mask(e164 != null ? e164 : reporter.replaceAll("\\s", ""));
    }
}
