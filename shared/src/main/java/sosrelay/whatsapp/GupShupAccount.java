package sosrelay.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import sosrelay.delivery.ProviderHttp;

/**
 * The GupShup enterprise account WhatsApp messages go out on.
 *
 * @param apiBaseUrl e.g. {@code https://media.smsgupshup.com}
 * @param password   read when needed; it travels only in a POST body, never in a URL or a log line
 * @param header     the approved template's header text, or null when it has none
 * @param footer     the approved template's footer text, or null when it has none
 */
public record GupShupAccount(String apiBaseUrl, String userId, Supplier<String> password, Duration requestTimeout,
                             String header, String footer) {

    /** A template with neither header nor footer. */
    public GupShupAccount(String apiBaseUrl, String userId, Supplier<String> password, Duration requestTimeout) {
        this(apiBaseUrl, userId, password, requestTimeout, null, null);
    }

    /** Where every method is posted. */
    URI endpoint() {
        return ProviderHttp.endpoint(apiBaseUrl, "/GatewayAPI/rest");
    }

    /** A form for {@code method} with the credentials, which GupShup also takes in the query string, where every log would keep them. */
    Map<String, String> form(String method) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("method", method);
        form.put("userid", userId);
        form.put("password", password.get());
        form.put("v", "1.1");
        form.put("auth_scheme", "plain");
        form.put("format", "json");
        return form;
    }

    /** GupShup wants the country code and number without the plus: {@code +919800000001} is {@code 919800000001}. */
    static String number(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
