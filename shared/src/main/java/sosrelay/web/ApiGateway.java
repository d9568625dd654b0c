package sosrelay.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates API Gateway (REST API, proxy integration) events to and from our web types. The event is read as the
 * JSON map Lambda hands over, not as the events library's {@code APIGatewayProxyRequestEvent}: that class has no
 * {@code requestContext.identity.apiKeyId}, and the key's id is how a caller is known.
 */
public final class ApiGateway {
    private ApiGateway() {
    }

    public static WebRequest request(Map<String, Object> event) {
        Map<?, ?> context = map(event.get("requestContext"));
        Map<?, ?> identity = map(context.get("identity"));
        return new WebRequest(
                text(event.get("httpMethod")),
                strings(event.get("pathParameters")),
                multi(event.get("multiValueQueryStringParameters"), event.get("queryStringParameters")),
                multi(event.get("multiValueHeaders"), event.get("headers")),
                text(event.get("body")),
                Boolean.TRUE.equals(event.get("isBase64Encoded")),
                blankToNull(text(identity.get("apiKeyId"))),
                operator(map(context.get("authorizer"))));
    }

    /** The user a Cognito authorizer verified ({@code requestContext.authorizer.claims}), or null where none ran. */
    private static String operator(Map<?, ?> authorizer) {
        if (!(authorizer.get("claims") instanceof Map<?, ?> verified)) {
            return null;
        }
        Object username = verified.get("cognito:username");
        return blankToNull(text(username != null ? username : verified.get("sub")));
    }

    public static APIGatewayProxyResponseEvent response(WebResponse response) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body());
    }

    private static Map<String, List<String>> multi(Object multi, Object single) {
        Map<String, List<String>> converted = new LinkedHashMap<>();
        if (multi instanceof Map<?, ?> values && !values.isEmpty()) {
            values.forEach((k, v) -> converted.put(String.valueOf(k), v instanceof List<?> list
                    ? list.stream().map(item -> item == null ? "" : item.toString()).toList() : List.of(v == null ? "" : v.toString())));
            return converted;
        }
        map(single).forEach((k, v) -> converted.put(String.valueOf(k), List.of(v == null ? "" : v.toString())));
        return converted;
    }

    /** Null when absent, as the path parameters of a route without any. */
    private static Map<String, String> strings(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, String> converted = new LinkedHashMap<>();
        map(value).forEach((k, v) -> converted.put(String.valueOf(k), v == null ? null : v.toString()));
        return converted;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
