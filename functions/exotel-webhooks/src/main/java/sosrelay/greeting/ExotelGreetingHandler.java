package sosrelay.greeting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import sosrelay.web.ApiGateway;
import sosrelay.wiring.SnapStartPriming;
import sosrelay.wiring.Wiring;

/** {@code GET|HEAD /exotel/{secret}/greeting}: what the person who picked up hears. */
public final class ExotelGreetingHandler
        implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final Wiring wiring;
    private final GreetingWebhook webhook;

    public ExotelGreetingHandler() {
        this(Wiring.fromEnvironment());
        SnapStartPriming.register(this::warmUp);
    }

    public ExotelGreetingHandler(Wiring wiring) {
        this.wiring = wiring;
        this.webhook = wiring.greetingWebhook();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ApiGateway.response(webhook.handle(ApiGateway.request(event)));
    }

    private void warmUp() {
        handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("GET")
                .withPathParameters(Map.of("secret", "priming")), null);
        wiring.warmUpStorage();
    }
}
