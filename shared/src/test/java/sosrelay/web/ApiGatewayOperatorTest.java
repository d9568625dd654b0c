package sosrelay.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiGatewayOperatorTest {

    private static APIGatewayProxyRequestEvent event(Map<String, Object> authorizer, String apiKey) {
        APIGatewayProxyRequestEvent.RequestIdentity identity = new APIGatewayProxyRequestEvent.RequestIdentity();
        identity.setApiKey(apiKey);
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setIdentity(identity);
        context.setAuthorizer(authorizer);
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withRequestContext(context);
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
        APIGatewayProxyRequestEvent device = event(null, "device-key")
                .withHeaders(Map.of("Authorization", "Bearer anything"));

        assertThat(ApiGateway.request(device).operator()).isNull();
        assertThat(ApiGateway.request(device).apiKeyId()).startsWith("key-");
        assertThat(ApiGateway.request(event(Map.of("claims", Map.of("cognito:username", " ")), null)).operator()).isNull();
        assertThat(ApiGateway.request(new APIGatewayProxyRequestEvent().withHttpMethod("GET")).operator()).isNull();
    }
}
