package sosrelay.local.backends;

/**
 * An {@code Api} event of a function: a REST API route. Method is lower case; "any" matches every method.
 *
 * @param cognitoAuthorizer the name of the Cognito user-pool authorizer the route requires (its own
 *                          {@code Auth.Authorizer}, else the API's {@code DefaultAuthorizer}), or null for none
 */
public record ApiEvent(String name, String path, String method, boolean apiKeyRequired, String cognitoAuthorizer) {
}
