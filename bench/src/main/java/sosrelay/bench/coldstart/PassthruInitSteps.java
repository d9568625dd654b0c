package sosrelay.bench.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import sosrelay.config.Env;
import sosrelay.passthru.ExotelPassthruHandler;
import sosrelay.wiring.Wiring;

/**
 * The Passthru function's cold start in a fresh JVM, loaded from its Lambda package by {@link LambdaLikeLauncher}: its
 * init (the handler's constructor, as Lambda's runs it) and its first requests, each step's end printed so the
 * parent can tell where the time goes. The environment is the one the template gives the function.
 * Arguments: the webhook secret and a CallSid never used before.
 */
public final class PassthruInitSteps {
    private static long last = System.nanoTime();

    public static void main(String[] args) throws ClassNotFoundException {
        Class.forName(ExotelPassthruHandler.class.getName());
        Class.forName("software.amazon.awssdk.services.dynamodb.DynamoDbClient");
        Class.forName("software.amazon.awssdk.services.sqs.SqsClient");
        step("class loading (handler, SDK client interfaces)");
        // As Lambda's init builds it: the DynamoDB client on this thread, the SQS client and JSON beside it.
        ExotelPassthruHandler handler = new ExotelPassthruHandler(new Wiring(Env.system()));
        step("init: handler constructed (DynamoDB client built; SQS client, JSON beside)");
        APIGatewayProxyResponseEvent response = handler.handleRequest(passthru(args[0], args[1]), null);
        step("first request (directory read, incident written, jobs queued)");
        System.out.println("response " + response.getStatusCode() + " " + System.currentTimeMillis());
        handler.handleRequest(passthru(args[0], args[1] + "-warm"), null);
        step("second request, warm");
    }

    /** As Lambda hands API Gateway's event to the function: the JSON map. */
    private static Map<String, Object> passthru(String secret, String callSid) {
        return Map.of("httpMethod", "GET", "path", "/exotel/" + secret + "/passthru", "pathParameters", Map.of("secret", secret),
                "queryStringParameters", Map.of("CallSid", callSid, "CallFrom", "0932419xx", "EmergencyType", "Ring1"));
    }

    private static void step(String name) {
        long now = System.nanoTime();
        System.out.println("step " + (now - last) / 1_000_000.0 + " " + name);
        last = now;
    }
}
