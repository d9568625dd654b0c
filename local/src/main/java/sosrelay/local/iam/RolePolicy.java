package sosrelay.local.iam;

import java.util.List;

/**
 * What a function's execution role may do: the statements SAM would put on {@code <Function>Role}.
 * IAM's rule: an explicit Deny wins, else some Allow must cover the action on the resource.
 */
public record RolePolicy(String functionLogicalId, LocalArns arns, List<PolicyStatement> statements, List<PolicyStatement> fromPolicies) {

    /** {@code fromPolicies}: the statements of the function's own {@code Policies}, what its code asked for. */
    public RolePolicy {
        statements = List.copyOf(statements);
        fromPolicies = List.copyOf(fromPolicies);
    }

    public boolean allows(String action, String resource) {
        return statements.stream().noneMatch(s -> !s.allow() && s.covers(action, resource))
                && statements.stream().anyMatch(s -> s.allow() && s.covers(action, resource));
    }

    /** SAM names a function's generated role {@code <Function>Role}. */
    public String roleName() {
        return functionLogicalId + "Role";
    }

    /** Who AWS says made the call: the role's session, named after the function as Lambda does. */
    public String principal() {
        return "arn:aws:sts::" + arns.account() + ":assumed-role/" + roleName() + "/" + functionLogicalId;
    }
}
