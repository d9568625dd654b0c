package sosrelay.local;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The start-up summary: where the API, routes, queues, tables and backends are. */
final class Banner {
    private final LocalStack stack;
    private final List<ApiRoute> routes;
    private final Collection<LocalFunction> functions;
    private final Map<String, List<String>> unresolved;
    private final List<SqsEventSourceMappings.Mapping> sqsMappings;
    private final List<ScheduledInvocations.Running> schedules;

    Banner(LocalStack stack, List<ApiRoute> routes, Collection<LocalFunction> functions,
           Map<String, List<String>> unresolved, List<SqsEventSourceMappings.Mapping> sqsMappings,
           List<ScheduledInvocations.Running> schedules) {
        this.schedules = schedules;
        this.stack = stack;
        this.routes = routes;
        this.functions = functions;
        this.unresolved = unresolved;
        this.sqsMappings = sqsMappings;
    }

    void print(PrintStream out) {
        out.println();
        out.println("SOS Relay local stack");
        out.println("  API          " + stack.baseUrl() + "   (no stage prefix)");
        routes.forEach(route -> out.printf("    %-6s %-40s -> %s%s%n",
                route.method().toUpperCase(Locale.ROOT), route.pathTemplate(), route.function().logicalId(),
                route.apiKeyRequired() ? " (x-api-key)" : route.cognitoAuthorizer() != null ? " (operator token)" : ""));
        out.println("  Invoke API   " + stack.baseUrl() + InvokeApi.PREFIX + "{FunctionName}/invocations");
        out.println("               aws lambda invoke --endpoint-url " + stack.baseUrl() + " --function-name <LogicalId> ...");
        out.println("  Queues       ElasticMQ " + stack.backends().sqsEndpoint());
        stack.resources().queues().values().stream()
                .sorted((a, b) -> a.logicalId().compareTo(b.logicalId()))
                .forEach(queue -> out.printf("    %-28s %s%s%n", queue.logicalId(), queue.url(), pollersOf(queue.logicalId())));
        if (!schedules.isEmpty()) {
            out.println("  Schedules");
            schedules.forEach(schedule -> out.printf("    %-28s %s%n", schedule.event().expression(), schedule.every()
                    .map(every -> "-> " + schedule.function() + " every " + every.toMillis() / 1000.0 + " s")
                    .orElse("-> " + schedule.function() + ": NOT run locally (only rate(...) schedules are)")));
        }
        out.println("  Tables       DynamoDB Local " + stack.backends().dynamoEndpoint());
        stack.resources().tableNames().forEach((logicalId, name) -> out.printf("    %-28s %s%n", logicalId, name));
        out.println("  Buckets      S3Proxy " + stack.backends().s3Endpoint() + "   (signed requests and presigned URLs only)");
        stack.resources().bucketNames().forEach((logicalId, name) -> out.printf("    %-28s %s%n", logicalId, name));
        out.println("  Data         " + stack.backends().dataDir().map(dir -> dir.toAbsolutePath().toString())
                .orElse("in memory (use --data-dir DIR to keep tables, queued messages and buckets)"));
        functions.forEach(function -> function.loadError().ifPresent(error ->
                out.println("  WARNING      " + function.logicalId() + ": " + error + "; its routes answer 502, its queues are not polled")));
        unresolved.forEach((function, names) ->
                out.println("  WARNING      " + function + ": not set locally (set them in the environment): " + String.join(", ", names)));
        out.println();
    }

    private String pollersOf(String queueLogicalId) {
        return sqsMappings.stream()
                .filter(mapping -> mapping.queue().logicalId().equals(queueLogicalId))
                .map(mapping -> "  -> " + mapping.function().logicalId() + " (batch " + mapping.source().batchSize()
                        + ", " + mapping.pollers() + " pollers)")
                .findFirst().orElse("");
    }
}
