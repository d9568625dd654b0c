package sosrelay.directory;

import java.util.regex.Pattern;

/**
 * How the directory names an API key ({@code devices:}, {@code heartbeats: keys}): by API Gateway's id for it
 * ({@code requestContext.identity.apiKeyId}, what {@code aws apigateway get-api-keys} lists as {@code id}), never the
 * key itself.
 */
final class ApiKeyIds {
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{10}");
    static final String EXAMPLE = "3ayvpqoq1b";

    private ApiKeyIds() {
    }

    static boolean valid(String keyId) {
        return KEY_ID.matcher(keyId).matches();
    }
}
