package sosrelay.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import sosrelay.secrets.SecretVersions;

/**
 * The secret path segment of the Exotel webhook URLs. Its configured value is a comma-separated list:
 * the first is the one we hand out (status-callback URLs), and every one is accepted, so the secret
 * can be rotated with no downtime (docs/security.md). Read from SSM, the parameter's previous version is accepted too
 * for the rotation window after an overwrite, and handed out until every instance has read the new one
 * ({@link SecretVersions}): calls placed before a rotation keep their callbacks. Compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, against every accepted value whatever matched first, so neither the
 * content, the length nor the position of a secret leaks through response timing.
 */
public final class WebhookSecret {
    static final int MIN_LENGTH = 16;

    /** The current values, the previous version's (empty outside a rotation window), and every accepted value's digest. */
    private record Accepted(SecretVersions configured, List<String> values, List<String> previous, List<byte[]> digests) {
    }

    private final Supplier<SecretVersions> configured;
    private final Clock clock;
    private volatile Accepted accepted;

    /** {@code configured} is read on every use (an SSM parameter caches itself), so a rotation needs no redeploy. */
    public WebhookSecret(Supplier<String> configured) {
        this(() -> SecretVersions.only(configured.get()), Clock.systemUTC());
    }

    /** A secret with its previous version during a rotation (an SSM parameter's {@code SecretValue#versions}). */
    public WebhookSecret(Supplier<SecretVersions> configured, Clock clock) {
        this.configured = configured;
        this.clock = clock;
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

    /**
     * The value to hand out in URLs Exotel will call: the first configured, or the previous version's first until every
     * instance may have read the new one.
     */
    public String current() {
        Accepted known = accepted();
        if (!known.previous().isEmpty() && clock.instant().isBefore(known.configured().handOverAt())) {
            return known.previous().get(0);
        }
        return known.values().get(0);
    }

    private Accepted accepted() {
        SecretVersions now = configured.get();
        Accepted known = accepted;
        if (known != null && known.configured().equals(now)) {
            return known;
        }
        List<String> values = values(now.current());
        if (values.isEmpty()) {
            throw new IllegalStateException("SOS_WEBHOOK_SECRET (or its SSM parameter) is not set: every webhook would be refused");
        }
        if (values.stream().anyMatch(v -> v.length() < MIN_LENGTH)) {
            throw new IllegalStateException("every webhook secret needs at least " + MIN_LENGTH + " characters");
        }
        // A previous value too short to be accepted is simply not accepted: it was never a working secret.
        List<String> previous = values(now.previous()).stream().filter(v -> v.length() >= MIN_LENGTH).toList();
        List<String> all = new ArrayList<>(values);
        all.addAll(previous);
        Accepted fresh = new Accepted(now, values, previous, all.stream().map(WebhookSecret::digest).toList());
        accepted = fresh;
        return fresh;
    }

    private static List<String> values(String configured) {
        return configured == null ? List.of() : Arrays.stream(configured.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
