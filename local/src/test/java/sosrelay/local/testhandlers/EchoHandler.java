package sosrelay.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import sosrelay.wiring.Wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers with the fields of the event it got, as JSON. */
public class EchoHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final Wiring wiring;

    public EchoHandler(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("httpMethod", event.getHttpMethod());
        echo.put("path", event.getPath());
        echo.put("resource", event.getResource());
        echo.put("pathParameters", event.getPathParameters());
        echo.put("queryStringParameters", event.getQueryStringParameters());
        echo.put("multiValueQueryStringParameters", event.getMultiValueQueryStringParameters());
        echo.put("contentType", event.getHeaders().get("Content-Type"));
        echo.put("body", event.getBody());
        echo.put("isBase64Encoded", event.getIsBase64Encoded());
        echo.put("stage", event.getRequestContext().getStage());
        echo.put("resourcePath", event.getRequestContext().getResourcePath());
        echo.put("sourceIp", event.getRequestContext().getIdentity().getSourceIp());
        echo.put("requestId", event.getRequestContext().getRequestId());
        echo.put("functionName", context.getFunctionName());
        echo.put("remainingMillis", context.getRemainingTimeInMillis());
        echo.put("greeting", wiring.env().get("GREETING"));
        echo.put("itemsTable", wiring.env().get("ITEMS_TABLE"));
        echo.put("workQueueUrl", wiring.env().get("WORK_QUEUE_URL"));
        echo.put("publicBaseUrl", wiring.env().get("SOS_PUBLIC_BASE_URL"));
        echo.put("sqsEndpoint", wiring.env().get("AWS_ENDPOINT_URL_SQS"));
        try {
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json", "X-Echo", "yes"))
                    .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
                    .withBody(JSON.std.asString(echo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
