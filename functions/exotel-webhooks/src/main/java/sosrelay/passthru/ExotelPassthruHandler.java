package sosrelay.passthru;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import sosrelay.web.ApiGateway;
import sosrelay.wiring.SnapStartPriming;
import sosrelay.wiring.Wiring;

/** {@code GET|POST /exotel/{secret}/passthru}: Exotel's Passthru applet after the IVR and voicemail. */
public final class ExotelPassthruHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final Wiring wiring;
    private final PassthruWebhook webhook;

    public ExotelPassthruHandler() {
        this(Wiring.fromEnvironment());
        SnapStartPriming.register(this::warmUp);
    }

    public ExotelPassthruHandler(Wiring wiring) {
        this.wiring = wiring;
        this.webhook = wiring.passthruWebhook();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ApiGateway.response(webhook.handle(ApiGateway.request(event)));
    }

    /** A refused request walks the web path; a directory read walks DynamoDB's. Neither raises anything. */
    private void warmUp() {
        handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET")
                .withPathParameters(Map.of("secret", "priming")).withQueryStringParameters(Map.of("CallSid", "priming")), null);
        wiring.warmUpStorage();
        wiring.directory().current();
    }
}
