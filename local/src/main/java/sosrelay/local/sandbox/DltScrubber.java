package sosrelay.local.sandbox;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What India's DLT platform does to an SMS after Exotel accepted it: the body must match the template
 * registered for its DltTemplateId, each {@code {#var#}} holding at most 30 characters, and every URL in it
 * must be on the sender's whitelist (TRAI, from 1 October 2024). Exotel answers 200 either way; a violation
 * shows only in the status callback.
 */
final class DltScrubber {
    private static final String VAR = "{#var#}";
    private static final int MAX_VARIABLE = 30;
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://\\S+");

    private final Pattern registered;

    /** {@code registeredText}: the template as registered, with {@code {#var#}} for each variable. */
    DltScrubber(String registeredText) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        for (int var = registeredText.indexOf(VAR); var >= 0; var = registeredText.indexOf(VAR, at)) {
            regex.append(Pattern.quote(registeredText.substring(at, var))).append("(.*?)");
            at = var + VAR.length();
        }
        regex.append(Pattern.quote(registeredText.substring(at)));
        this.registered = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Null when DLT lets the SMS through, else the reason it fails (Exotel's DetailedStatus). */
    String refusal(String body) {
        Matcher match = registered.matcher(body);
        if (!match.matches()) {
            return "the body does not match the registered DLT template";
        }
        for (int i = 1; i <= match.groupCount(); i++) {
            if (match.group(i).length() > MAX_VARIABLE) {
                return "DLT variable " + i + " is " + match.group(i).length() + " characters, over " + MAX_VARIABLE;
            }
        }
        return null;
    }

    /** Null when every URL in the body starts with one of {@code whitelist}, else the first that does not, as DLT reports it. */
    static String urlRefusal(String body, List<String> whitelist) {
        Matcher url = URL.matcher(body);
        while (url.find()) {
            String found = url.group();
            if (whitelist.stream().noneMatch(prefix -> found.startsWith(prefix.replaceAll("/+$", "") + "/"))) {
                return "the URL " + found + " is not whitelisted for this sender";
            }
        }
        return null;
    }
}
