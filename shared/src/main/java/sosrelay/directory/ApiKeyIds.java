package sosrelay.directory;

import java.util.regex.Pattern;

/** How the directory names an API key ({@code devices:}, {@code heartbeats: keys}): by its id, never the key itself. */
final class ApiKeyIds {
    /** What {@code ApiGateway.keyId} makes of a key. */
    private static final Pattern KEY_ID = Pattern.compile("key-[0-9a-f]{12}");
    static final String EXAMPLE = "key-3f2a9c1e7b04";

    private ApiKeyIds() {
    }

    static boolean valid(String keyId) {
        return KEY_ID.matcher(keyId).matches();
    }
}
