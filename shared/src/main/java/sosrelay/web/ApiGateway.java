package sosrelay.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates API Gateway (REST API, proxy integration) events to and from our web types. */
public final class ApiGateway {
    private ApiGateway() {
    }

    public static WebRequest request(APIGatewayProxyRequestEvent event) {
        return new WebRequest(
                event.getHttpMethod(),
                event.getPathParameters(),
                multi(event.getMultiValueQueryStringParameters(), event.getQueryStringParameters()),
                multi(event.getMultiValueHeaders(), event.getHeaders()),
                event.getBody(),
                Boolean.TRUE.equals(event.getIsBase64Encoded()),
                apiKeyId(event),
                operator(event));
    }

    /** The user a Cognito authorizer verified ({@code requestContext.authorizer.claims}), or null where none ran. */
    private static String operator(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        Object claims = context == null || context.getAuthorizer() == null ? null : context.getAuthorizer().get("claims");
        if (!(claims instanceof Map<?, ?> verified)) {
            return null;
        }
        Object username = verified.get("cognito:username");
        Object subject = username != null ? username : verified.get("sub");
        return subject == null || subject.toString().isBlank() ? null : subject.toString();
    }

    /**
     * A fingerprint of the API key API Gateway (or the local stack) validated for the route, or null:
     * enough to tell callers apart, never the key itself.
     */
    private static String apiKeyId(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        String key = context == null || context.getIdentity() == null ? null : context.getIdentity().getApiKey();
        return key == null || key.isBlank() ? null : keyId(key);
    }

    /** The id an API key is known by in incidents, logs and {@code OPERATOR_API_KEY_IDS}: a fingerprint, never the key. */
    public static String keyId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "key-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static APIGatewayProxyResponseEvent response(WebResponse response) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body());
    }

    private static Map<String, List<String>> multi(Map<String, List<String>> multi, Map<String, String> single) {
        if (multi != null && !multi.isEmpty()) {
            return multi;
        }
        Map<String, List<String>> converted = new LinkedHashMap<>();
        if (single != null) {
            single.forEach((k, v) -> converted.put(k, List.of(v == null ? "" : v)));
        }
        return converted;
    }
}
