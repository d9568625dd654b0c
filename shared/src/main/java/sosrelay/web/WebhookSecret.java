package sosrelay.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The secret path segment of the Exotel webhook URLs. Compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so neither the content nor the length of the secret leaks
 * through response timing.
 */
public final class WebhookSecret {
    private final byte[] expectedDigest;

    public WebhookSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("SOS_WEBHOOK_SECRET is not set: every webhook would be refused");
        }
        this.expectedDigest = digest(secret);
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(expectedDigest, digest(presented));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
