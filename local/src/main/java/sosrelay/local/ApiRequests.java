package sosrelay.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.sun.net.httpserver.HttpExchange;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import sosrelay.local.backends.LocalApiKeys;
import sosrelay.web.FormEncoding;

/**
 * Builds the REST API (v1) proxy event API Gateway would hand the function for a request, as the JSON map Lambda
 * delivers: with {@code requestContext.identity.apiKeyId}, the key's id ({@link LocalApiKeys}), which the events
 * library's class cannot hold.
 */
final class ApiRequests {
    static final String STAGE = "local";
    private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

    private ApiRequests() {
    }

    /**
     * {@code apiKey}: the key the route required and the caller presented, as API Gateway reports it; else null.
     * {@code claims}: the signed-in operator's, where the route has a Cognito authorizer; else null.
     */
    static Map<String, Object> event(HttpExchange exchange, ApiRoute route, Map<String, String> pathParameters, byte[] body,
                                     String apiKey, Map<String, String> claims) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        long now = System.currentTimeMillis();

        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setHttpMethod(method);
        event.setPath(path);
        event.setResource(route.pathTemplate());
        event.setPathParameters(pathParameters.isEmpty() ? null : pathParameters);
        Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
        event.setMultiValueQueryStringParameters(query.isEmpty() ? null : query);
        event.setQueryStringParameters(query.isEmpty() ? null : lastValues(query));
        Map<String, List<String>> headers = headers(exchange);
        event.setMultiValueHeaders(headers);
        event.setHeaders(lastValues(headers));
        setBody(event, body);

        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
        identity.setUserAgent(exchange.getRequestHeaders().getFirst("User-Agent"));
        identity.setApiKey(apiKey);
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId(UUID.randomUUID().toString());
        context.setStage(STAGE);
        context.setHttpMethod(method);
        context.setResourcePath(route.pathTemplate());
        context.setPath("/" + STAGE + path);
        context.setProtocol(exchange.getProtocol());
        context.setIdentity(identity);
        if (claims != null) {
            context.setAuthorizer(Map.of("claims", claims));
        }
        context.setRequestTimeEpoch(now);
        context.setRequestTime(REQUEST_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        context.setApiId("local");
        context.setDomainName(exchange.getRequestHeaders().getFirst("Host"));
        event.setRequestContext(context);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) LambdaJson.fromJson(LambdaJson.toJson(event), Map.class);
        if (apiKey != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) ((Map<String, Object>) json.get("requestContext")).get("identity");
            fields.put("apiKeyId", LocalApiKeys.idOf(apiKey));
        }
        return json;
    }

    /** Decoded as API Gateway does: {@code +} is a space; a key without {@code =} has the empty value. */
    static Map<String, List<String>> query(String rawQuery) {
        return FormEncoding.decode(rawQuery);
    }

    /**
     * The JDK server lower-cases header names after the first letter, so the client's spelling is
     * lost; Train-Case ({@code Content-Type}) is what nearly every client sends.
     */
    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(trainCase(name), List.copyOf(values)));
        headers.putIfAbsent("X-Forwarded-For", List.of(exchange.getRemoteAddress().getAddress().getHostAddress()));
        headers.putIfAbsent("X-Forwarded-Proto", List.of("http"));
        headers.putIfAbsent("X-Forwarded-Port", List.of(Integer.toString(exchange.getLocalAddress().getPort())));
        return headers;
    }

    static String trainCase(String name) {
        StringBuilder result = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            result.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return result.toString();
    }

    /** API Gateway's single-value maps keep the last value of a repeated key. */
    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((key, values) -> single.put(key, values.get(values.size() - 1)));
        return single;
    }

    /**
     * Without binaryMediaTypes, REST APIs pass every body as text (forms, JSON, multipart alike);
     * only bytes that are not UTF-8 are sent base64-encoded here.
     */
    private static void setBody(APIGatewayProxyRequestEvent event, byte[] body) {
        event.setIsBase64Encoded(false);
        if (body.length == 0) {
            return;
        }
        try {
            event.setBody(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException notText) {
            event.setBody(Base64.getEncoder().encodeToString(body));
            event.setIsBase64Encoded(true);
        }
    }
}
