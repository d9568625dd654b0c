package sosrelay.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as our webhooks see it, independent of API Gateway's event classes.
 *
 * @param apiKeyId the API key API Gateway validated for this request, or null when none was required
 * @param operator the operator a route's Cognito authorizer signed in ({@code cognito:username}), or null when the
 *                 route has none: only API Gateway sets it, from a token it verified
 */
public record WebRequest(
        String method,
        Map<String, String> pathParameters,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        String body,
        boolean base64Body,
        String apiKeyId,
        String operator) {

    /** A request no operator signed in to: devices, webhooks, tests. */
    public WebRequest(String method, Map<String, String> pathParameters, Map<String, List<String>> query,
                      Map<String, List<String>> headers, String body, boolean base64Body, String apiKeyId) {
        this(method, pathParameters, query, headers, body, base64Body, apiKeyId, null);
    }

    public WebRequest {
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        pathParameters = pathParameters == null ? Map.of() : pathParameters;
        query = query == null ? Map.of() : query;
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            caseInsensitive.putAll(headers);
        }
        headers = caseInsensitive;
    }

    public String pathParameter(String name) {
        return pathParameters.get(name);
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as text, decoding API Gateway's base64 when it chose to send it that way. */
    public String bodyText() {
        if (body == null) {
            return "";
        }
        return base64Body ? new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    /**
     * Query parameters and, for a form POST, the form fields: Exotel sends the same fields either
     * way depending on how the flow is set up. Query values come first.
     */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        query.forEach((k, v) -> all.computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(v));
        String contentType = header("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            FormEncoding.decode(bodyText()).forEach(
                    (k, v) -> all.computeIfAbsent(k, x -> new java.util.ArrayList<>()).addAll(v));
        }
        return all;
    }

    /** The first non-blank value of {@code name} among {@link #parameters()}, trimmed; null when there is none. */
    public String parameter(String name) {
        return first(parameters(), name);
    }

    /**
     * The first non-blank value of {@code name} in {@code parameters}, trimmed; null when there is none. Every
     * handler reads a parameter this one way: Exotel may repeat a field, once empty.
     */
    public static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null ? null : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).findFirst().orElse(null);
    }
}
