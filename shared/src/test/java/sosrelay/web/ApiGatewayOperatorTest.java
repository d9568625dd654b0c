package sosrelay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event as Lambda hands it over: the JSON map API Gateway sent. */
class ApiGatewayOperatorTest {

    private static Map<String, Object> event(Map<String, Object> authorizer, Map<String, Object> identity) {
        Map<String, Object> context = new HashMap<>();
        if (authorizer != null) {
            context.put("authorizer", authorizer);
        }
        if (identity != null) {
            context.put("identity", identity);
        }
        return new HashMap<>(Map.of("httpMethod", "GET", "requestContext", context));
    }

    @Test
    void theOperatorIsWhomTheCognitoAuthorizerVerified() {
        WebRequest request = ApiGateway.request(event(Map.of("claims", Map.of("cognito:username", "asha", "sub", "1234")), null));

        assertThat(request.operator()).isEqualTo("asha");
        assertThat(request.apiKeyId()).isNull();
        assertThat(ApiGateway.request(event(Map.of("claims", Map.of("sub", "1234")), null)).operator()).isEqualTo("1234");
    }

    @Test
    void noAuthorizerNoOperatorWhateverTheHeadersSay() {
        Map<String, Object> device = event(null, Map.of("apiKey", "device-key", "apiKeyId", "3ayvpqoq1b"));
        device.put("headers", Map.of("Authorization", "Bearer anything"));

        assertThat(ApiGateway.request(device).operator()).isNull();
        assertThat(ApiGateway.request(event(Map.of("claims", Map.of("cognito:username", " ")), null)).operator()).isNull();
        assertThat(ApiGateway.request(Map.of("httpMethod", "GET")).operator()).isNull();
    }

    /** Issue 23, item 5: a caller's key is known by API Gateway's id for it, never by anything derived from the key's value. */
    @Test
    void theKeyIsKnownByApiGatewaysIdForItAndAKeyWithoutAnIdIsNoKey() {
        assertThat(ApiGateway.request(event(null, Map.of("apiKey", "device-key", "apiKeyId", "3ayvpqoq1b"))).apiKeyId())
                .isEqualTo("3ayvpqoq1b");
        assertThat(ApiGateway.request(event(null, Map.of("apiKey", "device-key"))).apiKeyId()).isNull();
        assertThat(ApiGateway.request(event(null, Map.of("apiKeyId", " "))).apiKeyId()).isNull();
    }

    @Test
    void readsTheMultiValueMapsAndFallsBackToTheSingleOnes() {
        Map<String, Object> event = new HashMap<>(Map.of("httpMethod", "POST", "body", "a=1",
                "multiValueQueryStringParameters", Map.of("x", java.util.List.of("1", "2")), "headers", Map.of("Content-Type", "text/plain"),
                "pathParameters", Map.of("secret", "s"), "isBase64Encoded", false));

        WebRequest request = ApiGateway.request(event);

        assertThat(request.parameters()).containsEntry("x", java.util.List.of("1", "2"));
        assertThat(request.header("Content-Type")).isEqualTo("text/plain");
        assertThat(request.pathParameter("secret")).isEqualTo("s");
        assertThat(request.bodyText()).isEqualTo("a=1");
    }
}
