package sosrelay.sms;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sosrelay.links.RecordingLinks;
import sosrelay.messages.Placeholder;

/**
 * India's DLT rules for a registered SMS template: each placeholder is a {@code {#var#}} of the
 * registered text and holds at most 30 characters, and any URL in the template must be on a domain
 * whitelisted for the sender (ours: the deployment's public base URL). A message that breaks them is
 * accepted by Exotel with a 200 and fails later, so they are kept before sending, and a template that
 * cannot keep them is refused when the function starts. The recording link ({@code {link}}) is registered as
 * {@code <SOS_PUBLIC_BASE_URL>/r/{#var#}}: the URL's fixed part is the template's own text, on the whitelisted
 * domain, and only the token is a variable, so the 30 characters never cut a URL.
 */
public final class DltTemplate {
    /** The most a DLT {@code {#var#}} holds. */
    public static final int MAX_VARIABLE = 30;
    private static final String VARIABLE = "{#var#}";
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
     * left out ({@code none}) rather than cut: half a link is worse than none. The recording link's variable is
     * its token, after the template's fixed {@code <base>/r/}: a token too long for one (ours never is) is {@code none}.
     */
    public static Map<Placeholder, String> fitted(Map<Placeholder, String> values) {
        Map<Placeholder, String> fitted = new EnumMap<>(Placeholder.class);
        values.forEach((placeholder, value) -> fitted.put(placeholder, placeholder == Placeholder.LINK ? fitLink(value) : fit(value)));
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

    static String fitLink(String link) {
        int token = link == null ? -1 : link.lastIndexOf(RecordingLinks.PATH) + RecordingLinks.PATH.length();
        if (token < RecordingLinks.PATH.length() || link.length() - token <= MAX_VARIABLE) {
            return link;
        }
        return link.substring(0, token) + RecordingLinks.NO_RECORDING;
    }

    /**
     * The registered form of the template: every placeholder a {@code {#var#}}, the recording link
     * {@code <publicBaseUrl>/r/{#var#}} (throws when the template has a link and {@code publicBaseUrl} is unset).
     */
    public static String registered(String template, String publicBaseUrl) {
        String registered = template;
        if (template.contains(Placeholder.LINK.token())) {
            if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
                throw new IllegalStateException("a template with " + Placeholder.LINK.token() + " needs SOS_PUBLIC_BASE_URL");
            }
            registered = registered.replace(Placeholder.LINK.token(), RecordingLinks.prefix(publicBaseUrl) + VARIABLE);
        }
        for (Placeholder placeholder : Placeholder.values()) {
            registered = registered.replace(placeholder.token(), VARIABLE);
        }
        return registered;
    }
}
