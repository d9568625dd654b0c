package sosrelay.local.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 4: a second stack in the same account and region must not collide with the first on any name the
 * template gives a resource (CloudFormation refuses a name another stack holds; a Cognito domain is unique in the whole
 * region). Every such name in template.yaml is worked out, with the parameters' defaults, for two stacks and must differ;
 * the Cognito domain must also keep Cognito's rules. The SsmParameters output names every parameter the functions read
 * (tools/doctor checks those).
 */
class StackScopedNamesTemplateTest {
    private static final Path TEMPLATE = Path.of("../../template.yaml");
    /** The properties that name a resource, where a clash with another stack fails the deploy. */
    private static final Set<String> NAME_PROPERTIES = Set.of("Name", "AlarmName", "Domain", "UserPoolName", "LogGroupName",
            "TopicName", "QueueName", "TableName", "BucketName", "RoleName", "ScheduleName", "AliasName");
    private static final Pattern COGNITO_DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private final Map<String, Object> root;

    StackScopedNamesTemplateTest() throws IOException {
        root = CloudFormationYaml.load(Files.readString(TEMPLATE));
    }

    @Test
    void twoStacksInOneAccountAndRegionGetDifferentNamesForEverything() {
        Map<String, String> first = names(new Stack("sos-relay", "4b1c7d2e-0f3a-11ef-9a61-0a1b2c3d4e5f"));
        Map<String, String> second = names(new Stack("sos-relay-training", "9e8d7c6b-5a49-11ef-8b72-1f2e3d4c5b6a"));

        assertThat(first).containsKeys("OperatorUserPoolDomain.Domain", "OperatorSignInParameter.Name", "SosApi.Name",
                "HeartbeatCheckFunction.EveryMinute.Name");
        List<String> clashes = new ArrayList<>();
        first.forEach((where, name) -> {
            if (name.equals(second.get(where))) {
                clashes.add(where + " = " + name);
            }
        });
        assertThat(clashes).as("names both stacks would take").isEmpty();
        assertThat(first.get("OperatorSignInParameter.Name")).isEqualTo("/sos-relay/operator-sign-in");
        assertThat(second.get("OperatorSignInParameter.Name")).isEqualTo("/sos-relay-training/operator-sign-in");
    }

    @Test
    void theDefaultCognitoDomainKeepsCognitosRules() {
        for (Stack stack : List.of(new Stack("Sos-Relay-PROD", "4b1c7d2e-0f3a-11ef-9a61-0a1b2c3d4e5f"), new Stack("x", "ffffffff-ffff-ffff-ffff-ffffffffffff"))) {
            String domain = names(stack).get("OperatorUserPoolDomain.Domain");
            assertThat(domain).matches(COGNITO_DOMAIN).hasSizeLessThanOrEqualTo(63)
                    .doesNotContain("aws").doesNotContain("amazon").doesNotContain("cognito");
        }
    }

    @Test
    void theBoardReadsTheParameterTheStackWritesAndItsRoleMayReadIt() {
        Stack stack = new Stack("sos-relay-b", "4b1c7d2e-0f3a-11ef-9a61-0a1b2c3d4e5f");
        Map<?, ?> board = properties("BoardFunction");
        String variable = (String) stack.evaluate(((Map<?, ?>) ((Map<?, ?>) board.get("Environment")).get("Variables")).get("OPERATOR_SIGN_IN_PARAMETER"));
        String resource = (String) stack.evaluate(((Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) board.get("Policies")).get(0))
                .get("Statement")).get(0)).get("Resource"));

        assertThat(variable).isEqualTo(names(stack).get("OperatorSignInParameter.Name"));
        assertThat(resource).isEqualTo("arn:aws:ssm:ap-south-1:111122223333:parameter" + variable);
    }

    @Test
    void theSsmParametersOutputNamesEveryParameterAFunctionReads() {
        Stack stack = new Stack("sos-relay", "4b1c7d2e-0f3a-11ef-9a61-0a1b2c3d4e5f");
        Set<String> listed = new HashSet<>();
        for (String output : List.of("SsmParameters", "PlivoSsmParameters", "ExotelBSsmParameters")) {
            listed.addAll(List.of(((String) stack.evaluate(((Map<?, ?>) ((Map<?, ?>) root.get("Outputs")).get(output))
                    .get("Value"))).split(",")));
        }
        Map<String, String> read = new TreeMap<>();
        ((Map<?, ?>) root.get("Resources")).forEach((id, resource) -> {
            Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) resource).get("Properties");
            if ("AWS::Serverless::Function".equals(((Map<?, ?>) resource).get("Type")) && properties.get("Environment") instanceof Map<?, ?> env) {
                ((Map<?, ?>) env.get("Variables")).forEach((name, value) -> {
                    if (String.valueOf(name).endsWith("_PARAMETER")) {
                        read.put(id + "." + name, (String) stack.evaluate(value));
                    }
                });
            }
        });

        assertThat(read).hasSizeGreaterThan(10);
        assertThat(listed).containsAll(read.values());
    }

    private Map<?, ?> properties(String logicalId) {
        return (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) root.get("Resources")).get(logicalId)).get("Properties");
    }

    /** Every resource name the template sets, by {@code Resource.Property} (a SAM event's {@code Resource.Event.Name}). */
    private Map<String, String> names(Stack stack) {
        Map<String, String> names = new LinkedHashMap<>();
        ((Map<?, ?>) root.get("Resources")).forEach((id, resource) -> {
            Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) resource).get("Properties");
            if (properties == null) {
                return;
            }
            properties.forEach((key, value) -> {
                if (NAME_PROPERTIES.contains(String.valueOf(key))) {
                    names.put(id + "." + key, String.valueOf(stack.evaluate(value)));
                }
            });
            if (properties.get("Events") instanceof Map<?, ?> events) {
                events.forEach((event, definition) -> {
                    Object eventName = ((Map<?, ?>) ((Map<?, ?>) definition).get("Properties")).get("Name");
                    if (eventName != null) {
                        names.put(id + "." + event + ".Name", String.valueOf(stack.evaluate(eventName)));
                    }
                });
            }
        });
        return names;
    }

    /** One stack of the template, with the parameters' defaults, in account 111122223333 and ap-south-1. */
    private final class Stack {
        private final String name;
        private final String id;

        Stack(String name, String uuid) {
            this.name = name;
            this.id = "arn:aws:cloudformation:ap-south-1:111122223333:stack/" + name + "/" + uuid;
        }

        Object evaluate(Object value) {
            if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
                return value;
            }
            Map.Entry<?, ?> intrinsic = map.entrySet().iterator().next();
            Object argument = intrinsic.getValue();
            return switch (String.valueOf(intrinsic.getKey())) {
                case "Ref" -> ref(String.valueOf(argument));
                case "Fn::Sub" -> sub(String.valueOf(argument));
                case "Fn::Join" -> {
                    List<?> parts = (List<?>) argument;
                    List<String> joined = new ArrayList<>();
                    ((List<?>) evaluate(parts.get(1))).forEach(part -> joined.add(String.valueOf(evaluate(part))));
                    yield String.join(String.valueOf(parts.get(0)), joined);
                }
                case "Fn::Select" -> ((List<?>) evaluate(((List<?>) argument).get(1))).get(Integer.parseInt(String.valueOf(((List<?>) argument).get(0))));
                case "Fn::Split" -> List.of(String.valueOf(evaluate(((List<?>) argument).get(1))).split(Pattern.quote(String.valueOf(((List<?>) argument).get(0))), -1));
                case "Fn::If" -> condition(String.valueOf(((List<?>) argument).get(0))) ? evaluate(((List<?>) argument).get(1)) : evaluate(((List<?>) argument).get(2));
                case "Fn::GetAtt" -> name + "-" + argument;
                default -> value;
            };
        }

        private boolean condition(String conditionName) {
            return test(((Map<?, ?>) root.get("Conditions")).get(conditionName));
        }

        private boolean test(Object condition) {
            Map.Entry<?, ?> intrinsic = ((Map<?, ?>) condition).entrySet().iterator().next();
            List<?> arguments = (List<?>) intrinsic.getValue();
            return switch (String.valueOf(intrinsic.getKey())) {
                case "Fn::Not" -> !test(arguments.get(0));
                case "Fn::Equals" -> String.valueOf(evaluate(arguments.get(0))).equals(String.valueOf(evaluate(arguments.get(1))));
                default -> throw new IllegalArgumentException("condition " + intrinsic.getKey());
            };
        }

        private Object ref(String target) {
            return switch (target) {
                case "AWS::StackName" -> name;
                case "AWS::StackId" -> id;
                case "AWS::AccountId" -> "111122223333";
                case "AWS::Region" -> "ap-south-1";
                case "AWS::Partition" -> "aws";
                case "AWS::URLSuffix" -> "amazonaws.com";
                default -> {
                    Map<?, ?> parameter = (Map<?, ?>) ((Map<?, ?>) root.get("Parameters")).get(target);
                    // A resource's Ref is its physical id, which CloudFormation makes from the stack's name.
                    yield parameter != null ? String.valueOf(parameter.get("Default")) : name + "-" + target;
                }
            };
        }

        private String sub(String text) {
            Matcher matcher = Pattern.compile("\\$\\{([^}!]+)}").matcher(text);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String placeholder = matcher.group(1);
                String replacement = placeholder.contains(".") ? name + "-" + placeholder : String.valueOf(ref(placeholder));
                matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(result);
            return result.toString();
        }
    }
}
