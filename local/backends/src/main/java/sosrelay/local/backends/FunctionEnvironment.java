package sosrelay.local.backends;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment a function would get on Lambda, resolved against the local resources.
 * Precedence, lowest first: the template's values, the caller's overrides, the process
 * environment, and last the AWS settings that point the SDK at the local backends. The local stack
 * is configured by the same variables as the Lambdas, so every process variable reaches every
 * function, declared in the template or not: a plain {@code EXOTEL_API_TOKEN} or a tuning knob such
 * as {@code EXOTEL_CALL_LIMIT} is read locally although the template never names it. Only the
 * process's own {@code AWS_*} settings stay out: they would point the functions at a real account.
 */
public final class FunctionEnvironment {
    private static final Pattern SUB_PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final SamTemplate template;
    private final LocalResources resources;
    private final URI dynamoEndpoint;
    private final URI sqsEndpoint;
    private final URI s3Endpoint;
    private final Optional<URI> ssmEndpoint;

    public FunctionEnvironment(SamTemplate template, LocalResources resources, URI dynamoEndpoint, URI sqsEndpoint, URI s3Endpoint) {
        this(template, resources, dynamoEndpoint, sqsEndpoint, s3Endpoint, Optional.empty());
    }

    /** With {@code ssmEndpoint} (the local Parameter Store), the functions read their *_PARAMETER secrets there. */
    public FunctionEnvironment(SamTemplate template, LocalResources resources, URI dynamoEndpoint, URI sqsEndpoint, URI s3Endpoint,
                               Optional<URI> ssmEndpoint) {
        this.template = template;
        this.resources = resources;
        this.dynamoEndpoint = dynamoEndpoint;
        this.sqsEndpoint = sqsEndpoint;
        this.s3Endpoint = s3Endpoint;
        this.ssmEndpoint = ssmEndpoint;
    }

    public static FunctionEnvironment of(SamTemplate template, LocalResources resources, LocalBackends backends) {
        return new FunctionEnvironment(template, resources, backends.dynamoEndpoint(), backends.sqsEndpoint(), backends.s3Endpoint(),
                backends.ssmEndpoint());
    }

    /** The variables, and the names the template sets to something unresolvable locally that nobody overrode. */
    public record Resolved(Map<String, String> variables, List<String> unresolved) {
        public Resolved {
            variables = Map.copyOf(variables);
            unresolved = List.copyOf(unresolved);
        }
    }

    public Resolved resolve(TemplateFunction function, Map<String, String> overrides, Map<String, String> processEnvironment) {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        function.environment().forEach((name, value) -> {
            Optional<String> resolved = localValue(value);
            if (resolved.isPresent()) {
                variables.put(name, resolved.get());
            } else {
                unresolved.add(name);
            }
        });
        variables.putAll(overrides);
        processEnvironment.forEach((name, value) -> {
            if (!name.startsWith("AWS_")) {
                variables.put(name, value);
            }
        });
        unresolved.removeIf(variables::containsKey);
        variables.put("AWS_REGION", LocalBackends.REGION.id());
        variables.put("AWS_DEFAULT_REGION", LocalBackends.REGION.id());
        variables.put("AWS_ACCESS_KEY_ID", LocalBackends.ACCESS_KEY_ID);
        variables.put("AWS_SECRET_ACCESS_KEY", LocalBackends.SECRET_ACCESS_KEY);
        variables.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
        variables.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        variables.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        ssmEndpoint.ifPresent(endpoint -> variables.put("AWS_ENDPOINT_URL_SSM", endpoint.toString()));
        variables.put("AWS_LAMBDA_FUNCTION_NAME", function.logicalId());
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySize()));
        return new Resolved(variables, unresolved);
    }

    /** A template value (plain, Ref, GetAtt or Sub) as a string, when it can be known without deploying. */
    public Optional<String> localValue(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        Map<String, Object> intrinsic = TemplateValues.map(value);
        if (intrinsic.get("Ref") instanceof String name) {
            return ref(name);
        }
        List<Object> getAtt = TemplateValues.list(intrinsic.get("Fn::GetAtt"));
        if (getAtt.size() == 2) {
            return getAtt(String.valueOf(getAtt.get(0)), String.valueOf(getAtt.get(1)));
        }
        if (intrinsic.get("Fn::Sub") instanceof String text) {
            return sub(text);
        }
        return Optional.empty();
    }

    private Optional<String> ref(String name) {
        Optional<String> table = resources.tableName(name);
        if (table.isPresent()) {
            return table;
        }
        Optional<LocalResources.Queue> queue = resources.queue(name);
        if (queue.isPresent()) {
            return Optional.of(queue.get().url());
        }
        Optional<String> bucket = resources.bucketName(name);
        if (bucket.isPresent()) {
            return bucket;
        }
        return switch (name) {
            case "AWS::Region" -> Optional.of(LocalBackends.REGION.id());
            case "AWS::AccountId" -> Optional.of(LocalBackends.ACCOUNT_ID);
            case "AWS::StackName" -> Optional.of(LocalBackends.STACK_NAME);
            case "AWS::Partition" -> Optional.of("aws");
            default -> Optional.ofNullable(template.parameterDefaults().get(name));
        };
    }

    private Optional<String> getAtt(String resource, String attribute) {
        Optional<LocalResources.Queue> queue = resources.queue(resource);
        if (queue.isPresent()) {
            return switch (attribute) {
                case "Arn" -> Optional.of(queue.get().arn());
                case "QueueUrl" -> Optional.of(queue.get().url());
                case "QueueName" -> Optional.of(queue.get().name());
                default -> Optional.empty();
            };
        }
        Optional<String> bucket = resources.bucketName(resource).filter(name -> attribute.equals("Arn"));
        if (bucket.isPresent()) {
            return bucket.map(name -> "arn:aws:s3:::" + name);
        }
        return resources.tableName(resource)
                .filter(table -> attribute.equals("Arn"))
                .map(table -> "arn:aws:dynamodb:" + LocalBackends.REGION.id() + ":" + LocalBackends.ACCOUNT_ID + ":table/" + table);
    }

    /** Only when every placeholder resolves; {@code ${!x}} is the literal {@code ${x}}. */
    private Optional<String> sub(String text) {
        Matcher matcher = SUB_PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String placeholder = matcher.group(1);
            Optional<String> replacement;
            if (placeholder.startsWith("!")) {
                replacement = Optional.of("${" + placeholder.substring(1) + "}");
            } else {
                int dot = placeholder.indexOf('.');
                replacement = dot < 0 ? ref(placeholder) : getAtt(placeholder.substring(0, dot), placeholder.substring(dot + 1));
            }
            if (replacement.isEmpty()) {
                return Optional.empty();
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.get()));
        }
        matcher.appendTail(result);
        return Optional.of(result.toString());
    }
}
