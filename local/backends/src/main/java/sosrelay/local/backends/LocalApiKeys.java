package sosrelay.local.backends;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The ids the local stack gives its API keys, as API Gateway gives each key an id ({@code requestContext.identity.apiKeyId},
 * ten lower-case letters and digits). API Gateway's are random; these are derived from the key, so a directory or
 * {@code OPERATOR_API_KEY_IDS} can name the local keys before the stack starts. Never used to recognise a key on AWS.
 */
public final class LocalApiKeys {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private LocalApiKeys() {
    }

    /** The id the local gateway reports for {@code key}. */
    public static String idOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                id.append(ALPHABET[(digest[i] & 0xff) % ALPHABET.length]);
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
