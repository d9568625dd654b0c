package sosrelay.local.iam;

/** One request a function's role did not allow, as AWS would have refused it. */
public record AccessDenial(String function, String principal, String action, String resource) {

    /** AWS's wording, so a denial reads the same here as in CloudWatch Logs. */
    public String message() {
        return "User: " + principal + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action (local stack: " + function
                + "'s Policies in template.yaml)";
    }
}
