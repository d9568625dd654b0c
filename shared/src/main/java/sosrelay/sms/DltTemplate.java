package sosrelay.sms;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sosrelay.messages.Placeholder;

/**
 * India's DLT rules for a registered SMS template: each placeholder is a {@code {#var#}} of the
 * registered text and holds at most 30 characters, and any URL in the template must be on a domain
 * whitelisted for the sender (ours: the deployment's public base URL). A message that breaks them is
 * accepted by Exotel with a 200 and fails later, so they are kept before sending, and a template that
 * cannot keep them is refused when the function starts.
 */
public final class DltTemplate {
    /** The most a DLT {@code {#var#}} holds. */
    public static final int MAX_VARIABLE = 30;
    private static final Pattern URL = Pattern.compile("https?://[^\\s{}]+");

    private DltTemplate() {
    }

    /**
     * Throws naming the URL when the template carries one outside {@code publicBaseUrl}: DLT would
     * scrub every message, and only the deployment's own domain is registered in the whitelist.
     */
    public static void checkUrls(String template, String variable, String publicBaseUrl) {
        String base = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
        Matcher url = URL.matcher(template);
        while (url.find()) {
            if (base.isEmpty() || !(url.group().equals(base) || url.group().startsWith(base + "/"))) {
                throw new IllegalStateException(variable + " carries the URL " + url.group() + ", which is not under SOS_PUBLIC_BASE_URL ("
                        + (base.isEmpty() ? "unset" : base) + "); DLT delivers only URLs on the whitelisted domain, so every SMS would fail");
            }
        }
    }

    /**
     * Each value cut to {@link #MAX_VARIABLE} characters at a word boundary. A URL that does not fit is
     * left out ({@code none}) rather than cut: half a link is worse than none.
     */
    public static Map<Placeholder, String> fitted(Map<Placeholder, String> values) {
        Map<Placeholder, String> fitted = new EnumMap<>(Placeholder.class);
        values.forEach((placeholder, value) -> fitted.put(placeholder, fit(value)));
        return fitted;
    }

    static String fit(String value) {
        if (value == null || value.length() <= MAX_VARIABLE) {
            return value;
        }
        if (URL.matcher(value).lookingAt()) {
            return "none";
        }
        int space = value.lastIndexOf(' ', MAX_VARIABLE);
        String cut = space > 0 ? value.substring(0, space) : value.substring(0, MAX_VARIABLE);
        return cut.replaceAll("[\\s,.;:-]+$", "");
    }

    /** The registered form of the template: every placeholder a {@code {#var#}}. */
    public static String registered(String template) {
        String registered = template;
        for (Placeholder placeholder : Placeholder.values()) {
            registered = registered.replace(placeholder.token(), "{#var#}");
        }
        return registered;
    }
}
