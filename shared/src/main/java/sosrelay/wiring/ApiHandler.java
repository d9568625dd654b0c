package sosrelay.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.function.Function;
import sosrelay.web.ApiGateway;
import sosrelay.web.Webhook;

/**
 * An API Gateway route's function: each handler only names its webhook. Built once per Lambda
 * instance; SnapStart priming walks the web path with a request that is refused before it does
 * anything, and reads DynamoDB once. The event comes as the JSON map Lambda hands over ({@link ApiGateway#request}):
 * the events library's request class would drop {@code requestContext.identity.apiKeyId}.
 */
public abstract class ApiHandler implements RequestHandler<Map<String, Object>, APIGatewayProxyResponseEvent>, SnapStartPriming.Primed {
    private final Wiring wiring;
    private final Webhook webhook;

    protected ApiHandler(Wiring wiring, Function<Wiring, Webhook> webhook) {
        this.wiring = wiring;
        this.webhook = wiring.init(webhook);
    }

    /** For the no-argument constructor Lambda uses. */
    protected final void primeBeforeSnapshot() {
        SnapStartPriming.register(this::warmUp);
    }

    @Override
    public final APIGatewayProxyResponseEvent handleRequest(Map<String, Object> event, Context context) {
        if (SettingsCheck.asked(event)) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody(sosrelay.json.Json.write(SettingsCheck.answer(wiring)));
        }
        return ApiGateway.response(webhook.handle(ApiGateway.request(event)));
    }

    // SnapStartSecretsIT runs it as SnapStart would. No secret segment: priming reads no secret.
    @Override
    public final void warmUp() {
        handleRequest(Map.of("httpMethod", "GET", "pathParameters", Map.of()), null);
        wiring.warmUpStorage();
    }
}
