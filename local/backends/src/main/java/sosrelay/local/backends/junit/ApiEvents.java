package sosrelay.local.backends.junit;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import sosrelay.local.backends.LocalApiKeys;

/**
 * The tests' {@code events/} fixtures, read as {@link APIGatewayProxyRequestEvent}, as the JSON map Lambda hands an API
 * function, with {@code requestContext.identity.apiKeyId} filled for the fixture's key as API Gateway (here the local
 * stack's {@link LocalApiKeys}) fills it: the events library's class has no field for the id.
 */
public final class ApiEvents {
    private ApiEvents() {
    }

    public static Map<String, Object> of(APIGatewayProxyRequestEvent event) {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfSet(map, "resource", event.getResource());
        putIfSet(map, "path", event.getPath());
        putIfSet(map, "httpMethod", event.getHttpMethod());
        putIfSet(map, "headers", event.getHeaders());
        putIfSet(map, "multiValueHeaders", event.getMultiValueHeaders());
        putIfSet(map, "queryStringParameters", event.getQueryStringParameters());
        putIfSet(map, "multiValueQueryStringParameters", event.getMultiValueQueryStringParameters());
        putIfSet(map, "pathParameters", event.getPathParameters());
        putIfSet(map, "body", event.getBody());
        map.put("isBase64Encoded", Boolean.TRUE.equals(event.getIsBase64Encoded()));
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        if (context != null) {
            Map<String, Object> requestContext = new LinkedHashMap<>();
            putIfSet(requestContext, "authorizer", context.getAuthorizer());
            if (context.getIdentity() != null) {
                Map<String, Object> identity = new LinkedHashMap<>();
                String key = context.getIdentity().getApiKey();
                putIfSet(identity, "apiKey", key);
                putIfSet(identity, "apiKeyId", key == null || key.isBlank() ? null : LocalApiKeys.idOf(key));
                putIfSet(identity, "sourceIp", context.getIdentity().getSourceIp());
                requestContext.put("identity", identity);
            }
            map.put("requestContext", requestContext);
        }
        return map;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
