package sosrelay.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The template's Api events served at the root (no stage prefix), as a REST API proxy integration. */
final class ApiGateway {
    private final List<ApiRoute> routes;
    private final java.util.Set<String> apiKeys;
    private final Optional<ApiKeyThrottle> throttle;
    private final Optional<ApiKeyQuota> quota;
    private final OperatorTokens operatorTokens;

    ApiGateway(List<ApiRoute> routes, java.util.Set<String> apiKeys, Optional<ApiKeyThrottle> throttle, Optional<ApiKeyQuota> quota,
               OperatorTokens operatorTokens) {
        this.routes = routes.stream().sorted(Comparator.comparingInt(ApiRoute::specificity).reversed()).toList();
        this.apiKeys = apiKeys;
        this.operatorTokens = operatorTokens;
        this.throttle = throttle;
        this.quota = quota;
    }

    List<ApiRoute> routes() {
        return routes;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Optional<Map.Entry<ApiRoute, Map<String, String>>> match = routes.stream()
                .filter(route -> route.acceptsMethod(method))
                .flatMap(route -> route.match(path).map(parameters -> Map.entry(route, parameters)).stream())
                .findFirst();
        if (match.isEmpty()) {
            HttpExchanges.sendJson(exchange, 404, HttpExchanges.jsonMessage("Not Found"));
            return;
        }
        Optional<byte[]> body = HttpExchanges.readBody(exchange);
        if (body.isEmpty()) {
            HttpExchanges.sendJson(exchange, 413, HttpExchanges.jsonMessage("Request Too Long"));
            return;
        }
        ApiRoute route = match.get().getKey();
        Optional<Map<String, String>> claims = Optional.empty();
        if (route.cognitoAuthorizer() != null) {
            claims = operatorTokens.claims(exchange.getRequestHeaders().getFirst("Authorization"));
            if (claims.isEmpty()) {
                // A Cognito authorizer's answer to a missing, unknown or expired token, before API keys are looked at.
                HttpExchanges.sendJson(exchange, 401, HttpExchanges.jsonMessage("Unauthorized"));
                return;
            }
        }
        String apiKey = exchange.getRequestHeaders().getFirst("x-api-key");
        if (route.apiKeyRequired() && (apiKey == null || !apiKeys.contains(apiKey))) {
            // What API Gateway answers for a missing or unknown key: the function is never invoked.
            HttpExchanges.sendJson(exchange, 403, HttpExchanges.jsonMessage("Forbidden"));
            return;
        }
        if (route.apiKeyRequired() && throttle.isPresent() && !throttle.get().admit(apiKey)) {
            // API Gateway's answer when a key goes past its usage plan's rate and burst; not counted in the quota.
            HttpExchanges.sendJson(exchange, 429, HttpExchanges.jsonMessage("Too Many Requests"));
            return;
        }
        if (route.apiKeyRequired() && quota.isPresent() && !quota.get().admit(apiKey)) {
            // API Gateway's answer once a key's usage-plan quota is spent; the function is never invoked.
            HttpExchanges.sendJson(exchange, 429, HttpExchanges.jsonMessage("Limit Exceeded"));
            return;
        }
        Map<String, Object> event = ApiRequests.event(exchange, route, match.get().getValue(), body.get(),
                route.apiKeyRequired() ? apiKey : null, claims.orElse(null));
        APIGatewayProxyResponseEvent response;
        try {
            response = (APIGatewayProxyResponseEvent) LambdaJson.convert(route.function().invoke(event), APIGatewayProxyResponseEvent.class);
        } catch (Throwable failure) {
            System.err.println(method + " " + path + " -> " + route.function().logicalId() + " failed:");
            failure.printStackTrace();
            HttpExchanges.sendJson(exchange, 502, HttpExchanges.jsonMessage("Internal server error"));
            return;
        }
        if (response == null || response.getStatusCode() == null) {
            System.err.println(method + " " + path + " -> " + route.function().logicalId() + ": malformed Lambda proxy response (no statusCode)");
            HttpExchanges.sendJson(exchange, 502, HttpExchanges.jsonMessage("Internal server error"));
            return;
        }
        write(exchange, response);
    }

    private static void write(HttpExchange exchange, APIGatewayProxyResponseEvent response) throws IOException {
        var headers = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(headers::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> {
                if (!value.equals(headers.getFirst(name))) {
                    headers.add(name, value);
                }
            }));
        }
        // API Gateway's default for proxy responses without a Content-Type.
        if (!headers.containsKey("Content-Type")) {
            headers.set("Content-Type", "application/json");
        }
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        HttpExchanges.send(exchange, response.getStatusCode(), bytes);
    }
}
