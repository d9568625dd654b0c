package sosrelay.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import sosrelay.web.ApiGateway;
import sosrelay.wiring.SnapStartPriming;
import sosrelay.wiring.Wiring;

/** {@code POST /v1/incidents} and {@code GET /v1/incidents/{id}}, behind API Gateway API keys. */
public final class IncidentApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final Wiring wiring;
    private final IncidentApi api;

    public IncidentApiHandler() {
        this(Wiring.fromEnvironment());
        SnapStartPriming.register(this::warmUp);
    }

    public IncidentApiHandler(Wiring wiring) {
        this.wiring = wiring;
        this.api = wiring.incidentApi();
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        return ApiGateway.response(api.handle(ApiGateway.request(event)));
    }

    /** A request without a key is refused before any work: the web path alone. */
    private void warmUp() {
        handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("POST").withBody("{}"), null);
        wiring.warmUpStorage();
        wiring.directory().current();
    }
}
