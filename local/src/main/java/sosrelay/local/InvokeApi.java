package sosrelay.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Lambda's Invoke API, {@code POST /2015-03-31/functions/{FunctionName}/invocations}, so
 * {@code aws lambda invoke --endpoint-url ...} works against the local stack: {@code RequestResponse}
 * (with {@code --log-type Tail}, the log's last 4 KB in {@code X-Amz-Log-Result}), {@code Event}
 * (retried and dead-lettered as the template says, {@link AsyncInvocations}) and {@code DryRun}.
 */
final class InvokeApi {
    static final String PREFIX = "/2015-03-31/functions/";
    private static final String SUFFIX = "/invocations";

    private final Map<String, LocalFunction> functions;
    private final AsyncInvocations asyncInvocations;

    InvokeApi(Map<String, LocalFunction> functions, AsyncInvocations asyncInvocations) {
        this.functions = functions;
        this.asyncInvocations = asyncInvocations;
    }

    static boolean handles(String path) {
        return path.startsWith(PREFIX);
    }

    void handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        if (!exchange.getRequestMethod().equalsIgnoreCase("POST") || !rawPath.endsWith(SUFFIX)) {
            HttpExchanges.sendJson(exchange, 404, HttpExchanges.jsonMessage("Not Found"));
            return;
        }
        String name = URLDecoder.decode(rawPath.substring(PREFIX.length(), rawPath.length() - SUFFIX.length()), StandardCharsets.UTF_8);
        Optional<LocalFunction> function = Optional.ofNullable(functions.get(logicalId(name)));
        if (function.isEmpty()) {
            exchange.getResponseHeaders().set("X-Amzn-ErrorType", "ResourceNotFoundException");
            HttpExchanges.sendJson(exchange, 404, "{\"Type\":\"User\",\"message\":\"Function not found: "
                    + HttpExchanges.jsonEscape(name) + "\"}");
            return;
        }
        Optional<byte[]> body = HttpExchanges.readBody(exchange);
        if (body.isEmpty()) {
            exchange.getResponseHeaders().set("X-Amzn-ErrorType", "RequestTooLargeException");
            HttpExchanges.sendJson(exchange, 413, "{\"Type\":\"User\",\"message\":\"Request must be smaller than 10485760 bytes\"}");
            return;
        }
        String payload = body.get().length == 0 ? "{}" : new String(body.get(), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
        String invocationType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type")).orElse("RequestResponse");
        switch (invocationType) {
            case "DryRun" -> HttpExchanges.send(exchange, 204, new byte[0]);
            case "Event" -> {
                asyncInvocations.submit(function.get(), payload);
                HttpExchanges.send(exchange, 202, new byte[0]);
            }
            default -> invokeAndAnswer(exchange, function.get(), payload,
                    "Tail".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-Amz-Log-Type")));
        }
    }

    /** A name, {@code Name:qualifier}, or an ARN {@code arn:aws:lambda:region:account:function:Name[:qualifier]}. */
    static String logicalId(String name) {
        String[] parts = name.split(":");
        int function = Arrays.asList(parts).indexOf("function");
        return name.startsWith("arn:") && function >= 0 && function + 1 < parts.length ? parts[function + 1] : parts[0];
    }

    private static void invokeAndAnswer(HttpExchange exchange, LocalFunction function, String payload, boolean tail) throws IOException {
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("X-Amzn-RequestId", requestId);
        try (InvocationLogs.Capture log = tail ? InvocationLogs.start(requestId, function.definition().memorySize()) : null) {
            String output;
            try {
                output = LambdaJson.toJson(function.invokeJson(payload));
            } catch (Throwable failure) {
                System.err.println("Invoke " + function.logicalId() + " failed:");
                failure.printStackTrace();
                // The runtime writes the error to the function's log too, which is what the tail shows.
                System.out.println(errorJson(failure));
                exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
                output = errorJson(failure);
            }
            if (log != null) {
                exchange.getResponseHeaders().set("X-Amz-Log-Result", log.tailBase64());
            }
            HttpExchanges.sendJson(exchange, 200, output);
        }
    }

    /** The shape the Java runtime reports an unhandled exception in. */
    static String errorJson(Throwable failure) {
        String stackTrace = Arrays.stream(failure.getStackTrace())
                .map(frame -> "\"" + HttpExchanges.jsonEscape(frame.toString()) + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        return "{\"errorMessage\":\"" + HttpExchanges.jsonEscape(String.valueOf(failure.getMessage()))
                + "\",\"errorType\":\"" + failure.getClass().getName() + "\",\"stackTrace\":" + stackTrace + "}";
    }
}
