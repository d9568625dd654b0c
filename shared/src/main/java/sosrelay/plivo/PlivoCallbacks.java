package sosrelay.plivo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import sosrelay.log.Log;
import sosrelay.web.FormEncoding;
import sosrelay.web.WebRequest;
import sosrelay.web.WebhookSecret;

/**
 * The gate of every Plivo webhook ({@code /plivo/{secret}/<name>}): the path secret, and Plivo's V3 signature over the URL
 * Plivo was given (our public base URL, the path, the query) and the posted form. Either wrong, the request is not
 * Plivo's and changes nothing.
 */
public final class PlivoCallbacks {
    private final WebhookSecret secret;
    private final Supplier<String> authTokens;
    private final String publicBaseUrl;
    private final String stage;

    /**
     * {@code authTokens}: the account's auth token ({@code new,old} while rotating); {@code publicBaseUrl}: no trailing slash,
     * or null for the API's own URL, {@code https://<Host>/<stage>}.
     */
    public PlivoCallbacks(WebhookSecret secret, Supplier<String> authTokens, String publicBaseUrl, String stage) {
        this.secret = secret;
        this.authTokens = authTokens;
        this.publicBaseUrl = publicBaseUrl;
        this.stage = stage;
    }

    private String base(WebRequest request) {
        return publicBaseUrl != null ? publicBaseUrl : "https://" + request.header("Host") + "/" + stage;
    }

    /** Whether the path secret lets the request in. */
    boolean secretMatches(WebRequest request) {
        return secret.matches(request.pathParameter("secret"));
    }

    /** The fields (form, then our own query) of a request to webhook {@code name} that Plivo signed; empty when it did not. */
    Optional<Map<String, String>> signed(WebRequest request, String name) {
        Map<String, String> query = firsts(request.query());
        String contentType = request.header("Content-Type") == null ? "" : request.header("Content-Type").toLowerCase(Locale.ROOT);
        Map<String, String> form = "POST".equals(request.method()) && contentType.startsWith("application/x-www-form-urlencoded")
                ? firsts(FormEncoding.decode(request.bodyText())) : Map.of();
        String url = base(request) + "/plivo/" + request.pathParameter("secret") + "/" + name;
        if (!PlivoSignature.valid(request.method(), url, query, form, request.header("X-Plivo-Signature-V3-Nonce"),
                request.header("X-Plivo-Signature-V3"), authTokens.get())) {
            Log.warn("plivo.unsigned", "webhook", name, "signed", request.header("X-Plivo-Signature-V3") != null);
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>(form);
        query.forEach(fields::putIfAbsent);
        return Optional.of(fields);
    }

    /**
     * Our webhook {@code name}, on the base {@code request} came to, with the current secret and {@code query} (values of
     * letters, digits and {@code -_.~:} only: Plivo signs the URL as given).
     */
    String url(WebRequest request, String name, Map<String, String> query) {
        StringBuilder url = new StringBuilder(base(request) + "/plivo/" + secret.current() + "/" + name);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
            separator = '&';
        }
        return url.toString();
    }

    private static Map<String, String> firsts(Map<String, List<String>> parameters) {
        Map<String, String> firsts = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!values.isEmpty()) {
                firsts.put(name, values.get(0));
            }
        });
        return firsts;
    }
}
