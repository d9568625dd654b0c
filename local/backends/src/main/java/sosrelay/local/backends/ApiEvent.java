package sosrelay.local.backends;

/** An {@code Api} event of a function: a REST API route. Method is lower case; "any" matches every method. */
public record ApiEvent(String name, String path, String method, boolean apiKeyRequired) {
}
