package sosrelay.local.backends;

import java.util.Map;
import java.util.Set;

/**
 * An {@code AWS::Serverless::Api}'s {@code Auth.Authorizers} and {@code DefaultAuthorizer}: which of its
 * routes need a signed-in user. Only Cognito user-pool authorizers (a {@code UserPoolArn}) are understood;
 * a template naming any other kind is refused, so the local stack never serves openly what API Gateway guards.
 */
record ApiAuthorizers(Set<String> cognito, String defaultAuthorizer) {
    private static final String NONE = "NONE";

    static ApiAuthorizers of(String apiLogicalId, Map<String, Object> apiProperties) {
        Map<String, Object> auth = TemplateValues.map(apiProperties.get("Auth"));
        Map<String, Object> declared = TemplateValues.map(auth.get("Authorizers"));
        declared.forEach((name, value) -> {
            if (!TemplateValues.map(value).containsKey("UserPoolArn")) {
                throw new IllegalArgumentException(apiLogicalId + ".Auth.Authorizers." + name
                        + ": only Cognito user-pool authorizers (UserPoolArn) run locally");
            }
        });
        Object fallback = auth.get("DefaultAuthorizer");
        return new ApiAuthorizers(Set.copyOf(declared.keySet()), fallback == null ? null : String.valueOf(fallback));
    }

    /** The Cognito authorizer an {@code Api} event's route requires, or null when it requires none. */
    static String forEvent(String where, Map<String, Object> eventProperties, Map<String, ApiAuthorizers> apis) {
        ApiAuthorizers api = TemplateValues.referencedResource(eventProperties.get("RestApiId")).map(apis::get).orElse(null);
        Object named = TemplateValues.map(eventProperties.get("Auth")).get("Authorizer");
        String authorizer = named != null ? String.valueOf(named) : api == null ? null : api.defaultAuthorizer();
        if (authorizer == null || authorizer.equals(NONE)) {
            return null;
        }
        if (api == null || !api.cognito().contains(authorizer)) {
            throw new IllegalArgumentException(where + ": authorizer " + authorizer + " is not declared in its RestApiId's Auth.Authorizers");
        }
        return authorizer;
    }
}
