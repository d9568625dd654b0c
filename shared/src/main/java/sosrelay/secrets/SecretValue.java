package sosrelay.secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import sosrelay.log.Log;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A secret read from SSM Parameter Store (SecureString), fetched on first use and kept for a TTL so
 * a rotated token is picked up without a redeploy. Its value never goes into a log line or an
 * exception message.
 */
public final class SecretValue implements Supplier<String> {
    /** How long a secret is kept before it is read again: a rotation takes effect within it. */
    public static final Duration KEPT = Duration.ofMinutes(15);

    private final Supplier<SsmClient> ssm;
    private final String parameterName;
    private final Clock clock;
    private final Duration ttl;
    private volatile String value;
    private volatile Instant fetchedAt = Instant.MIN;

    public SecretValue(Supplier<SsmClient> ssm, String parameterName, Clock clock, Duration ttl) {
        this.ssm = ssm;
        this.parameterName = parameterName;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public String get() {
        Instant now = clock.instant();
        if (value == null || now.isAfter(fetchedAt.plus(ttl))) {
            synchronized (this) {
                if (value == null || now.isAfter(fetchedAt.plus(ttl))) {
                    refresh(now);
                }
            }
        }
        return value;
    }

    private void refresh(Instant now) {
        try {
            value = ssm.get().getParameter(b -> b.name(parameterName).withDecryption(true)).parameter().value();
            fetchedAt = now;
        } catch (RuntimeException e) {
            if (value == null) {
                throw new IllegalStateException("could not read secret parameter " + parameterName
                        + ": " + e.getClass().getSimpleName());
            }
            // Parameter Store hiccup: keep the last good value for a minute rather than fail every call.
            Log.warn("secret.refresh-failed", "parameter", parameterName, "error", e.getClass().getSimpleName());
            fetchedAt = now.minus(ttl).plusSeconds(60);
        }
    }
}
