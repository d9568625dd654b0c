package sosrelay.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The secret path segment of the Exotel webhook URLs. Its configured value is a comma-separated list:
 * the first is the one we hand out (status-callback URLs), and every one is accepted, so the secret
 * can be rotated with no downtime (docs/security.md). Compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, against every accepted value whatever matched first, so neither the
 * content, the length nor the position of a secret leaks through response timing.
 */
public final class WebhookSecret {
    static final int MIN_LENGTH = 16;

    private record Accepted(String configured, List<String> values, List<byte[]> digests) {
    }

    private final Supplier<String> configured;
    private volatile Accepted accepted;

    /** {@code configured} is read on every use (an SSM parameter caches itself), so a rotation needs no redeploy. */
    public WebhookSecret(Supplier<String> configured) {
        this.configured = configured;
    }

    /** {@code configured} read and checked now (set, every value 16 characters or more): a function's init fails without one. */
    public static WebhookSecret checked(Supplier<String> configured) {
        WebhookSecret secret = new WebhookSecret(configured);
        secret.accepted();
        return secret;
    }

    /** Fixed values (the local stack's, tests'): checked at once. */
    public WebhookSecret(String configured) {
        this(() -> configured);
        accepted();
    }

    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = digest(presented);
        boolean match = false;
        for (byte[] expected : accepted().digests()) {
            match |= MessageDigest.isEqual(expected, digest);
        }
        return match;
    }

    /** The value to hand out in URLs Exotel will call: the first configured. */
    public String current() {
        return accepted().values().get(0);
    }

    private Accepted accepted() {
        String now = configured.get();
        Accepted known = accepted;
        if (known != null && known.configured().equals(now)) {
            return known;
        }
        List<String> values = now == null ? List.of() : Arrays.stream(now.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        if (values.isEmpty()) {
            throw new IllegalStateException("SOS_WEBHOOK_SECRET (or its SSM parameter) is not set: every webhook would be refused");
        }
        if (values.stream().anyMatch(v -> v.length() < MIN_LENGTH)) {
            throw new IllegalStateException("every webhook secret needs at least " + MIN_LENGTH + " characters");
        }
        Accepted fresh = new Accepted(now, values, values.stream().map(WebhookSecret::digest).toList());
        accepted = fresh;
        return fresh;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
