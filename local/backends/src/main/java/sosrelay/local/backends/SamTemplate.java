package sosrelay.local.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack needs from a SAM template: parameters, functions with their events, queues
 * and tables; other parts (policies...) are read raw by those who need them.
 */
public final class SamTemplate {
    /** SAM's defaults when neither the function nor Globals say. */
    private static final int DEFAULT_TIMEOUT = 3;
    private static final int DEFAULT_MEMORY = 128;
    private static final int DEFAULT_SQS_BATCH_SIZE = 10;

    private final Map<String, Object> parameters;
    private final Map<String, String> parameterDefaults;
    private final List<TemplateFunction> functions;
    private final Map<String, AsyncInvokeConfig> asyncInvokeConfigs;
    private final Map<String, TemplateQueue> queues;
    private final Map<String, TemplateTable> tables;
    private final Map<String, TemplateBucket> buckets;
    private final Optional<UsagePlanQuota> usagePlanQuota;
    private final Optional<UsagePlanThrottle> usagePlanThrottle;
    private final Map<String, Object> resources;
    private final Map<String, Object> globals;
    private final Map<String, Object> outputs;

    private SamTemplate(Map<String, Object> root) {
        this.outputs = TemplateValues.map(root.get("Outputs"));
        this.parameters = TemplateValues.map(root.get("Parameters"));
        this.parameterDefaults = defaults(parameters);
        Map<String, Object> resources = TemplateValues.map(root.get("Resources"));
        Map<String, Object> globals = TemplateValues.map(TemplateValues.map(root.get("Globals")).get("Function"));
        this.resources = resources;
        this.globals = globals;
        List<TemplateFunction> functions = new ArrayList<>();
        Map<String, AsyncInvokeConfig> asyncInvokeConfigs = new LinkedHashMap<>();
        Map<String, TemplateQueue> queues = new LinkedHashMap<>();
        Map<String, TemplateTable> tables = new LinkedHashMap<>();
        Map<String, TemplateBucket> buckets = new LinkedHashMap<>();
        List<UsagePlanQuota> quotas = new ArrayList<>();
        List<UsagePlanThrottle> throttles = new ArrayList<>();
        Map<String, ApiAuthorizers> authorizers = new LinkedHashMap<>();
        resources.forEach((logicalId, value) -> {
            Map<String, Object> resource = TemplateValues.map(value);
            if ("AWS::Serverless::Api".equals(resource.get("Type"))) {
                authorizers.put(logicalId, ApiAuthorizers.of(logicalId, TemplateValues.map(resource.get("Properties"))));
            }
        });
        resources.forEach((logicalId, value) -> {
            Map<String, Object> resource = TemplateValues.map(value);
            Map<String, Object> properties = TemplateValues.map(resource.get("Properties"));
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::Serverless::Function" -> {
                    functions.add(function(logicalId, properties, globals, authorizers));
                    asyncInvokeConfigs.put(logicalId, asyncInvokeConfig(properties, globals));
                }
                case "AWS::SQS::Queue" -> queues.put(logicalId, queue(logicalId, properties));
                case "AWS::DynamoDB::Table" -> tables.put(logicalId, table(logicalId, properties));
                case "AWS::S3::Bucket" -> buckets.put(logicalId, new TemplateBucket(logicalId,
                        properties.get("BucketName") instanceof String name ? name : logicalId.toLowerCase(java.util.Locale.ROOT)));
                case "AWS::Serverless::Api" -> {
                    quota(logicalId, properties, parameterDefaults).ifPresent(quotas::add);
                    throttle(logicalId, properties).ifPresent(throttles::add);
                }
                default -> { }
            }
        });
        this.functions = List.copyOf(functions);
        this.asyncInvokeConfigs = Map.copyOf(asyncInvokeConfigs);
        this.queues = Map.copyOf(queues);
        this.tables = Map.copyOf(tables);
        this.buckets = Map.copyOf(buckets);
        this.usagePlanQuota = quotas.stream().findFirst();
        this.usagePlanThrottle = throttles.stream().findFirst();
    }

    public static SamTemplate parse(String yaml) {
        return new SamTemplate(CloudFormationYaml.load(yaml));
    }

    public static SamTemplate load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Parameter name to its Default; parameters without one are absent. */
    public Map<String, String> parameterDefaults() {
        return parameterDefaults;
    }

    public boolean isParameter(String name) {
        return parameters.containsKey(name);
    }

    /** In template order. */
    public List<TemplateFunction> functions() {
        return functions;
    }

    public Optional<TemplateFunction> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    /** Lambda's defaults for a function that sets nothing. */
    public AsyncInvokeConfig asyncInvokeConfig(String functionLogicalId) {
        return asyncInvokeConfigs.getOrDefault(functionLogicalId, AsyncInvokeConfig.LAMBDA_DEFAULT);
    }

    public Map<String, TemplateQueue> queues() {
        return queues;
    }

    public Map<String, TemplateTable> tables() {
        return tables;
    }

    public Map<String, TemplateBucket> buckets() {
        return buckets;
    }

    /** The API's usage-plan quota per key, which the local API gateway enforces as API Gateway would. */
    public Optional<UsagePlanQuota> usagePlanQuota() {
        return usagePlanQuota;
    }

    public Optional<UsagePlanThrottle> usagePlanThrottle() {
        return usagePlanThrottle;
    }

    private static Optional<UsagePlanThrottle> throttle(String logicalId, Map<String, Object> properties) {
        Map<String, Object> throttle = TemplateValues.map(TemplateValues.map(TemplateValues.map(properties.get("Auth"))
                .get("UsagePlan")).get("Throttle"));
        if (throttle.isEmpty()) {
            return Optional.empty();
        }
        String where = logicalId + ".Auth.UsagePlan.Throttle";
        int rate = TemplateValues.integer(throttle.get("RateLimit"))
                .orElseThrow(() -> new IllegalArgumentException(where + ".RateLimit must be a number"));
        int burst = TemplateValues.integer(throttle.get("BurstLimit"))
                .orElseThrow(() -> new IllegalArgumentException(where + ".BurstLimit must be a number"));
        return Optional.of(new UsagePlanThrottle(rate, burst));
    }

    private static Optional<UsagePlanQuota> quota(String logicalId, Map<String, Object> properties, Map<String, String> parameters) {
        Map<String, Object> quota = TemplateValues.map(TemplateValues.map(TemplateValues.map(properties.get("Auth"))
                .get("UsagePlan")).get("Quota"));
        if (quota.isEmpty()) {
            return Optional.empty();
        }
        Object limit = quota.get("Limit");
        if (TemplateValues.referencedResource(limit).isPresent()) {
            limit = parameters.get(TemplateValues.referencedResource(limit).get());
        }
        return Optional.of(UsagePlanQuota.of(TemplateValues.integer(limit).orElseThrow(() -> new IllegalArgumentException(
                logicalId + ".Auth.UsagePlan.Quota.Limit must be a number or !Ref of a parameter with a default")),
                TemplateValues.string(quota.get("Period"), logicalId + ".Auth.UsagePlan.Quota.Period")));
    }

    /** A resource as the template writes it ({@code Type}, {@code Properties}...), intrinsics in their long form; empty if absent. */
    public Map<String, Object> rawResource(String logicalId) {
        return TemplateValues.map(resources.get(logicalId));
    }

    /** Every resource's logical id, in the template's order. */
    public java.util.Set<String> rawResourceIds() {
        return java.util.Collections.unmodifiableSet(resources.keySet());
    }

    /** Each output's {@code Value} as the template writes it, by name, in the template's order. */
    public Map<String, Object> rawOutputValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        outputs.forEach((name, output) -> values.put(name, TemplateValues.map(output).get("Value")));
        return java.util.Collections.unmodifiableMap(values);
    }

    /** {@code Globals.Function} as the template writes it. */
    public Map<String, Object> rawFunctionGlobals() {
        return globals;
    }

    private static Map<String, String> defaults(Map<String, Object> parameters) {
        Map<String, String> defaults = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            Object fallback = TemplateValues.map(value).get("Default");
            if (fallback != null) {
                defaults.put(name, TemplateValues.scalar(fallback));
            }
        });
        return Map.copyOf(defaults);
    }

    private static TemplateFunction function(String logicalId, Map<String, Object> properties, Map<String, Object> globals,
                                             Map<String, ApiAuthorizers> authorizers) {
        String handler = TemplateValues.string(properties.get("Handler"), logicalId + ".Handler");
        int separator = handler.indexOf("::");
        String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
        String handlerMethod = separator < 0 ? "handleRequest" : handler.substring(separator + 2);

        Map<String, Object> environment = new LinkedHashMap<>(variables(globals));
        environment.putAll(variables(properties));

        List<ApiEvent> apiEvents = new ArrayList<>();
        List<SqsEventSource> sqsEvents = new ArrayList<>();
        List<ScheduleEvent> scheduleEvents = new ArrayList<>();
        TemplateValues.map(properties.get("Events")).forEach((name, value) -> {
            Map<String, Object> event = TemplateValues.map(value);
            Map<String, Object> eventProperties = TemplateValues.map(event.get("Properties"));
            switch (String.valueOf(event.get("Type"))) {
                case "Api" -> apiEvents.add(new ApiEvent(name,
                        TemplateValues.string(eventProperties.get("Path"), name + ".Path"),
                        TemplateValues.string(eventProperties.get("Method"), name + ".Method").toLowerCase(Locale.ROOT),
                        Boolean.TRUE.equals(TemplateValues.map(eventProperties.get("Auth")).get("ApiKeyRequired")),
                        ApiAuthorizers.forEvent(logicalId + "." + name, eventProperties, authorizers)));
                case "SQS" -> sqsEvents.add(sqsEvent(name, eventProperties));
                case "Schedule", "ScheduleV2" -> scheduleEvent(name, eventProperties).ifPresent(scheduleEvents::add);
                default -> { }
            }
        });
        return new TemplateFunction(logicalId, handlerClass, handlerMethod, Map.copyOf(environment),
                integer(properties, globals, "Timeout", DEFAULT_TIMEOUT),
                integer(properties, globals, "MemorySize", DEFAULT_MEMORY),
                List.copyOf(apiEvents), List.copyOf(sqsEvents), List.copyOf(scheduleEvents));
    }

    /** Schedule writes {@code Schedule} and {@code Enabled}, ScheduleV2 {@code ScheduleExpression} and {@code State}; a disabled one is left out. */
    private static Optional<ScheduleEvent> scheduleEvent(String name, Map<String, Object> properties) {
        Object expression = properties.containsKey("ScheduleExpression") ? properties.get("ScheduleExpression") : properties.get("Schedule");
        boolean disabled = Boolean.FALSE.equals(properties.get("Enabled")) || "DISABLED".equals(properties.get("State"));
        return disabled ? Optional.empty() : Optional.of(new ScheduleEvent(name,
                TemplateValues.string(expression, name + ".ScheduleExpression"),
                TemplateValues.string(properties.getOrDefault("Input", "{}"), name + ".Input")));
    }

    /** EventInvokeConfig and DeadLetterQueue, the function's own over Globals'; only SQS targets exist locally. */
    private static AsyncInvokeConfig asyncInvokeConfig(Map<String, Object> properties, Map<String, Object> globals) {
        Map<String, Object> config = TemplateValues.map(properties.containsKey("EventInvokeConfig")
                ? properties.get("EventInvokeConfig") : globals.get("EventInvokeConfig"));
        Map<String, Object> deadLetter = TemplateValues.map(properties.containsKey("DeadLetterQueue")
                ? properties.get("DeadLetterQueue") : globals.get("DeadLetterQueue"));
        Map<String, Object> onFailure = TemplateValues.map(TemplateValues.map(config.get("DestinationConfig")).get("OnFailure"));
        return new AsyncInvokeConfig(
                TemplateValues.integer(config.get("MaximumRetryAttempts")).orElse(AsyncInvokeConfig.LAMBDA_DEFAULT.maximumRetryAttempts()),
                TemplateValues.integer(config.get("MaximumEventAgeInSeconds")).orElse(AsyncInvokeConfig.LAMBDA_DEFAULT.maximumEventAgeSeconds()),
                sqsTarget(deadLetter.get("Type"), deadLetter.get("TargetArn")),
                sqsTarget(onFailure.get("Type"), onFailure.get("Destination")));
    }

    private static Optional<String> sqsTarget(Object type, Object target) {
        return "SQS".equals(type) ? TemplateValues.referencedResource(target) : Optional.empty();
    }

    private static Map<String, Object> variables(Map<String, Object> properties) {
        return TemplateValues.map(TemplateValues.map(properties.get("Environment")).get("Variables"));
    }

    private static int integer(Map<String, Object> properties, Map<String, Object> globals, String key, int fallback) {
        Object value = properties.containsKey(key) ? properties.get(key) : globals.get(key);
        return TemplateValues.integer(value).orElse(fallback);
    }

    private static SqsEventSource sqsEvent(String name, Map<String, Object> properties) {
        String queue = TemplateValues.referencedResource(properties.get("Queue"))
                .orElseThrow(() -> new IllegalArgumentException(
                        "SQS event " + name + ": Queue must be !GetAtt <Queue>.Arn or !Ref of a queue in the template"));
        List<Object> responseTypes = TemplateValues.list(properties.get("FunctionResponseTypes"));
        return new SqsEventSource(name, queue,
                TemplateValues.integer(properties.get("BatchSize")).orElse(DEFAULT_SQS_BATCH_SIZE),
                TemplateValues.integer(properties.get("MaximumBatchingWindowInSeconds")).orElse(0),
                TemplateValues.integer(TemplateValues.map(properties.get("ScalingConfig")).get("MaximumConcurrency")),
                responseTypes.contains("ReportBatchItemFailures"));
    }

    private static TemplateQueue queue(String logicalId, Map<String, Object> properties) {
        boolean fifo = Boolean.parseBoolean(String.valueOf(properties.get("FifoQueue")));
        String name = properties.get("QueueName") instanceof String given ? given : logicalId + (fifo ? ".fifo" : "");
        Optional<TemplateQueue.Redrive> redrive = Optional.empty();
        Map<String, Object> policy = TemplateValues.map(properties.get("RedrivePolicy"));
        if (!policy.isEmpty()) {
            String deadLetterQueue = TemplateValues.referencedResource(policy.get("deadLetterTargetArn"))
                    .orElseThrow(() -> new IllegalArgumentException(
                            logicalId + ": deadLetterTargetArn must be !GetAtt <Queue>.Arn"));
            int maxReceiveCount = TemplateValues.integer(policy.get("maxReceiveCount"))
                    .orElseThrow(() -> new IllegalArgumentException(logicalId + ": RedrivePolicy needs maxReceiveCount"));
            redrive = Optional.of(new TemplateQueue.Redrive(deadLetterQueue, maxReceiveCount));
        }
        return new TemplateQueue(logicalId, name,
                TemplateValues.integer(properties.get("VisibilityTimeout")),
                TemplateValues.integer(properties.get("DelaySeconds")),
                TemplateValues.integer(properties.get("MessageRetentionPeriod")),
                fifo,
                Boolean.parseBoolean(String.valueOf(properties.get("ContentBasedDeduplication"))),
                redrive);
    }

    private static TemplateTable table(String logicalId, Map<String, Object> properties) {
        String name = properties.get("TableName") instanceof String given ? given : logicalId;
        List<TemplateTable.Attribute> attributes = TemplateValues.list(properties.get("AttributeDefinitions")).stream()
                .map(TemplateValues::map)
                .map(a -> new TemplateTable.Attribute(TemplateValues.scalar(a.get("AttributeName")), TemplateValues.scalar(a.get("AttributeType"))))
                .toList();
        List<TemplateTable.GlobalSecondaryIndex> indexes = TemplateValues.list(properties.get("GlobalSecondaryIndexes")).stream()
                .map(TemplateValues::map)
                .map(index -> {
                    Map<String, Object> projection = TemplateValues.map(index.get("Projection"));
                    return new TemplateTable.GlobalSecondaryIndex(
                            TemplateValues.scalar(index.get("IndexName")),
                            keySchema(index.get("KeySchema")),
                            TemplateValues.string(projection.get("ProjectionType"), "ALL"),
                            TemplateValues.list(projection.get("NonKeyAttributes")).stream().map(TemplateValues::scalar).toList());
                })
                .toList();
        Map<String, Object> ttl = TemplateValues.map(properties.get("TimeToLiveSpecification"));
        Optional<String> ttlAttribute = Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))
                ? Optional.of(TemplateValues.scalar(ttl.get("AttributeName")))
                : Optional.empty();
        return new TemplateTable(logicalId, name, keySchema(properties.get("KeySchema")), attributes, indexes, ttlAttribute);
    }

    private static List<TemplateTable.KeyElement> keySchema(Object value) {
        return TemplateValues.list(value).stream()
                .map(TemplateValues::map)
                .map(k -> new TemplateTable.KeyElement(TemplateValues.scalar(k.get("AttributeName")), TemplateValues.scalar(k.get("KeyType"))))
                .toList();
    }
}
