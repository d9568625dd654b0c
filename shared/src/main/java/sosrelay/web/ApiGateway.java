package sosrelay.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
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
                Boolean.TRUE.equals(event.getIsBase64Encoded()));
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
