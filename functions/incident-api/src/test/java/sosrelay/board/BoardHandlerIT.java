package sosrelay.board;

import static org.assertj.core.api.Assertions.assertThat;
import sosrelay.local.backends.junit.ApiEvents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.wiring.Wiring;

/** The board's page on the fixture in events/, with BoardFunction's environment from template.yaml. */
class BoardHandlerIT {
    private static LocalTemplate stack;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @ParameterizedTest
    @Event(value = "events/board-page.json", type = APIGatewayProxyRequestEvent.class)
    void servesThePageWithTheHostedUisSettings(APIGatewayProxyRequestEvent event) {
        BoardHandler handler = new BoardHandler(new Wiring(Env.of(stack.environmentOf("BoardFunction", Map.of("OPERATOR_SIGN_IN",
                "{\"hostedUi\":\"https://sos-relay-123456789012.auth.ap-south-1.amazoncognito.com\",\"clientId\":\"client1\"}")))));

        APIGatewayProxyResponseEvent page = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("sos-relay-123456789012.auth.ap-south-1.amazoncognito.com", "client1");
    }

    @Test
    void theTemplateTellsItWhereItsSignInSettingsAre() {
        assertThat(stack.environmentOf("BoardFunction", Map.of())).containsEntry("OPERATOR_SIGN_IN_PARAMETER", "/sos-relay-local/operator-sign-in");
    }
}
