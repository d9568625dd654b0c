package sosrelay.local.iam;

import sosrelay.local.backends.FunctionEnvironment;
import sosrelay.local.backends.SamTemplate;
import sosrelay.local.backends.TemplateFunction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each function's role as SAM would generate it from template.yaml: the statements of its
 * {@code Policies} (policy templates and inline documents) plus what SAM adds on its own: the
 * basic execution policy, the SQS execution policy for an SQS event, and sending to the function's
 * DeadLetterQueue and EventInvokeConfig destinations.
 */
public final class FunctionRoles {
    /** AWSLambdaBasicExecutionRole, on every SAM-generated role. */
    private static final PolicyStatement BASIC_EXECUTION = PolicyStatement.allow(
            List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"), "*");
    /** AWSLambdaSQSQueueExecutionRole, which SAM attaches for an SQS event; AWS scopes it to every queue. */
    private static final PolicyStatement SQS_EXECUTION = PolicyStatement.allow(
            List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"), "*");
    private static final Map<String, String> DEAD_LETTER_ACTIONS = Map.of("SQS", "sqs:SendMessage", "SNS", "sns:Publish");
    private static final Map<String, String> DESTINATION_ACTIONS = Map.of(
            "SQS", "sqs:SendMessage", "SNS", "sns:Publish", "EventBridge", "events:PutEvents", "Lambda", "lambda:InvokeFunction");

    private final SamTemplate template;
    private final PolicyValues values;
    private final LocalArns arns;

    private FunctionRoles(SamTemplate template, PolicyValues values, LocalArns arns) {
        this.template = template;
        this.values = values;
        this.arns = arns;
    }

    /** Every function's role, by logical id; a policy the local stack cannot expand is an error naming it. */
    public static Map<String, RolePolicy> of(SamTemplate template, FunctionEnvironment environment, LocalArns arns) {
        FunctionRoles roles = new FunctionRoles(template, new PolicyValues(template, environment, arns), arns);
        Map<String, RolePolicy> byFunction = new LinkedHashMap<>();
        for (TemplateFunction function : template.functions()) {
            byFunction.put(function.logicalId(), roles.role(function));
        }
        return byFunction;
    }

    private RolePolicy role(TemplateFunction function) {
        String id = function.logicalId();
        Map<String, Object> properties = map(template.rawResource(id).get("Properties"));
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(BASIC_EXECUTION);
        List<PolicyStatement> fromPolicies = new ArrayList<>();
        Object policies = properties.get("Policies");
        for (Object policy : policies instanceof List<?> list ? list : policies == null ? List.of() : List.of(policies)) {
            fromPolicies.addAll(policy(id, policy));
        }
        statements.addAll(fromPolicies);
        if (!function.sqsEvents().isEmpty()) {
            statements.add(SQS_EXECUTION);
        }
        Map<String, Object> deadLetterQueue = map(orGlobal(properties, "DeadLetterQueue"));
        if (!deadLetterQueue.isEmpty()) {
            statements.add(PolicyStatement.allow(List.of(action(DEAD_LETTER_ACTIONS, deadLetterQueue, id + ".DeadLetterQueue")),
                    values.require(deadLetterQueue.get("TargetArn"), id + ".DeadLetterQueue.TargetArn")));
        }
        Map<String, Object> destinations = map(map(orGlobal(properties, "EventInvokeConfig")).get("DestinationConfig"));
        for (String outcome : List.of("OnSuccess", "OnFailure")) {
            Map<String, Object> destination = map(destinations.get(outcome));
            if (!destination.isEmpty()) {
                String where = id + ".EventInvokeConfig.DestinationConfig." + outcome;
                statements.add(PolicyStatement.allow(List.of(action(DESTINATION_ACTIONS, destination, where)),
                        values.require(destination.get("Destination"), where + ".Destination")));
            }
        }
        return new RolePolicy(id, arns, statements, fromPolicies);
    }

    /** A policy template ({@code {DynamoDBReadPolicy: {TableName: ...}}}) or an inline document ({@code {Statement: [...]}}). */
    private List<PolicyStatement> policy(String function, Object policy) {
        Map<String, Object> entry = map(policy);
        if (entry.containsKey("Statement")) {
            return inline(function, entry.get("Statement"));
        }
        if (entry.size() == 1) {
            String name = entry.keySet().iterator().next();
            Map<String, Object> parameters = map(entry.get(name));
            String where = function + ".Policies." + name;
            return SamPolicyTemplates.expand(name, parameter -> values.require(parameters.get(parameter), where + "." + parameter), arns)
                    .orElseThrow(() -> unsupported(where, "a policy template the local stack does not know; known: " + SamPolicyTemplates.known()));
        }
        throw unsupported(function + ".Policies", policy + " (managed policies by name are not expanded locally; use a policy template"
                + " or an inline Statement)");
    }

    private List<PolicyStatement> inline(String function, Object statements) {
        List<PolicyStatement> expanded = new ArrayList<>();
        for (Object value : statements instanceof List<?> list ? list : List.of(statements)) {
            Map<String, Object> statement = map(value);
            String where = function + ".Policies.Statement";
            if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
                throw unsupported(where, "NotAction/NotResource");
            }
            List<String> actions = strings(statement.get("Action")).stream().map(String::valueOf).toList();
            List<String> resources = strings(statement.get("Resource")).stream().map(r -> values.require(r, where + ".Resource")).toList();
            expanded.add(new PolicyStatement(!"Deny".equals(statement.get("Effect")), actions, resources));
        }
        return expanded;
    }

    private Object orGlobal(Map<String, Object> properties, String key) {
        return properties.containsKey(key) ? properties.get(key) : template.rawFunctionGlobals().get(key);
    }

    private static String action(Map<String, String> actions, Map<String, Object> target, String where) {
        String action = actions.get(String.valueOf(target.get("Type")));
        if (action == null) {
            throw unsupported(where, "Type " + target.get("Type"));
        }
        return action;
    }

    private static List<?> strings(Object value) {
        return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static IllegalArgumentException unsupported(String where, String what) {
        return new IllegalArgumentException(where + ": " + what);
    }
}
