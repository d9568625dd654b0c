package sosrelay.local.iam;

import sosrelay.local.backends.FunctionEnvironment;
import sosrelay.local.backends.SamTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy's values (template parameters, resources in statements) as the local stack has them.
 * Tables and queues resolve as the functions' environment does; topics, buckets and keys, which the
 * local backends don't create, get the names CloudFormation would derive from the template
 * (an explicit name property, else the logical id).
 */
final class PolicyValues {
    private static final Pattern SUB_PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final SamTemplate template;
    private final FunctionEnvironment environment;
    private final LocalArns arns;

    PolicyValues(SamTemplate template, FunctionEnvironment environment, LocalArns arns) {
        this.template = template;
        this.environment = environment;
        this.arns = arns;
    }

    LocalArns arns() {
        return arns;
    }

    /** The value, or an error naming where it was used. */
    String require(Object value, String where) {
        return resolve(value).orElseThrow(() -> new IllegalArgumentException(
                where + ": the local stack cannot resolve " + value + " to enforce this policy"));
    }

    Optional<String> resolve(Object value) {
        Optional<String> known = environment.localValue(value);
        if (known.isPresent()) {
            return known;
        }
        if (!(value instanceof Map<?, ?> intrinsic) || intrinsic.size() != 1) {
            return Optional.empty();
        }
        if (intrinsic.get("Ref") instanceof String name) {
            return ref(name);
        }
        if (intrinsic.get("Fn::GetAtt") instanceof List<?> getAtt && getAtt.size() == 2) {
            return getAtt(String.valueOf(getAtt.get(0)), String.valueOf(getAtt.get(1)));
        }
        Object sub = intrinsic.get("Fn::Sub");
        if (sub instanceof String text) {
            return sub(text, Map.of());
        }
        if (sub instanceof List<?> form && form.size() == 2 && form.get(0) instanceof String text && form.get(1) instanceof Map<?, ?> vars) {
            return sub(text, vars);
        }
        if (intrinsic.get("Fn::Join") instanceof List<?> join && join.size() == 2 && join.get(1) instanceof List<?> parts) {
            StringBuilder joined = new StringBuilder();
            for (Object part : parts) {
                Optional<String> resolved = resolve(part);
                if (resolved.isEmpty()) {
                    return Optional.empty();
                }
                joined.append(joined.isEmpty() ? "" : String.valueOf(join.get(0))).append(resolved.get());
            }
            return Optional.of(joined.toString());
        }
        return Optional.empty();
    }

    private Optional<String> ref(String logicalId) {
        Map<String, Object> resource = template.rawResource(logicalId);
        return switch (String.valueOf(resource.get("Type"))) {
            case "AWS::SNS::Topic" -> Optional.of(arns.topic(name(resource, "TopicName", logicalId)));
            case "AWS::S3::Bucket" -> Optional.of(name(resource, "BucketName", logicalId.toLowerCase(java.util.Locale.ROOT)));
            case "AWS::KMS::Key" -> Optional.of(logicalId);
            default -> Optional.empty();
        };
    }

    private Optional<String> getAtt(String logicalId, String attribute) {
        Map<String, Object> resource = template.rawResource(logicalId);
        Optional<String> ref = ref(logicalId);
        return switch (String.valueOf(resource.get("Type")) + "." + attribute) {
            case "AWS::SNS::Topic.TopicArn" -> ref;
            case "AWS::SNS::Topic.TopicName" -> Optional.of(name(resource, "TopicName", logicalId));
            case "AWS::S3::Bucket.Arn" -> ref.map(arns::bucket);
            case "AWS::KMS::Key.Arn" -> ref.map(arns::key);
            case "AWS::KMS::Key.KeyId" -> ref;
            default -> Optional.empty();
        };
    }

    private Optional<String> sub(String text, Map<?, ?> variables) {
        Matcher matcher = SUB_PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String placeholder = matcher.group(1);
            Optional<String> replacement;
            if (placeholder.startsWith("!")) {
                replacement = Optional.of("${" + placeholder.substring(1) + "}");
            } else if (variables.containsKey(placeholder)) {
                replacement = resolve(variables.get(placeholder));
            } else {
                int dot = placeholder.indexOf('.');
                replacement = resolve(dot < 0 ? Map.of("Ref", placeholder)
                        : Map.of("Fn::GetAtt", List.of(placeholder.substring(0, dot), placeholder.substring(dot + 1))));
            }
            if (replacement.isEmpty()) {
                return Optional.empty();
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.get()));
        }
        matcher.appendTail(result);
        return Optional.of(result.toString());
    }

    private static String name(Map<String, Object> resource, String property, String fallback) {
        Object properties = resource.get("Properties");
        return properties instanceof Map<?, ?> map && map.get(property) instanceof String given ? given : fallback;
    }
}
