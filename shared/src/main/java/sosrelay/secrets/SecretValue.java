package sosrelay.secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import sosrelay.log.Log;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;

/**
 * A secret read from SSM Parameter Store (SecureString), fetched on first use and kept for a TTL so a rotated value is
 * picked up without a redeploy. With a rotation window, the parameter's previous version (read by its {@code name:version}
 * selector) is known too for that long after the overwrite ({@link #versions()}), so what was handed out before a
 * rotation keeps working for a bounded time (docs/security.md). Its values never go into a log line or an exception message.
 */
public final class SecretValue implements Supplier<String> {
    /** How long a secret is kept before it is read again: a rotation takes effect within it. */
    public static final Duration KEPT = Duration.ofMinutes(15);

    private record State(String value, long version, Instant changedAt, String previous, Instant fetchedAt) {
    }

    private final Supplier<SsmClient> ssm;
    private final String parameterName;
    private final Clock clock;
    private final Duration ttl;
    private final Duration rotationWindow;
    private volatile State state;

    /** Without a rotation window: only the current value counts. */
    public SecretValue(Supplier<SsmClient> ssm, String parameterName, Clock clock, Duration ttl) {
        this(ssm, parameterName, clock, ttl, Duration.ZERO);
    }

    public SecretValue(Supplier<SsmClient> ssm, String parameterName, Clock clock, Duration ttl, Duration rotationWindow) {
        this.ssm = ssm;
        this.parameterName = parameterName;
        this.clock = clock;
        this.ttl = ttl;
        this.rotationWindow = rotationWindow;
    }

    @Override
    public String get() {
        return fresh(clock.instant()).value();
    }

    /** The current value and, within the rotation window after the last overwrite, the previous one. */
    public SecretVersions versions() {
        Instant now = clock.instant();
        State known = fresh(now);
        boolean inWindow = known.previous() != null && now.isBefore(known.changedAt().plus(rotationWindow));
        return new SecretVersions(known.value(), inWindow ? known.previous() : null, known.changedAt().plus(ttl));
    }

    private State fresh(Instant now) {
        State known = state;
        if (known == null || now.isAfter(known.fetchedAt().plus(ttl))) {
            synchronized (this) {
                known = state;
                if (known == null || now.isAfter(known.fetchedAt().plus(ttl))) {
                    known = refresh(now, known);
                    state = known;
                }
            }
        }
        return known;
    }

    private State refresh(Instant now, State known) {
        Parameter parameter;
        try {
            parameter = ssm.get().getParameter(b -> b.name(parameterName).withDecryption(true)).parameter();
        } catch (RuntimeException e) {
            if (known == null) {
                throw new IllegalStateException("could not read secret parameter " + parameterName
                        + ": " + e.getClass().getSimpleName());
            }
            // Parameter Store hiccup: keep the last good value for a minute rather than fail every call.
            Log.warn("secret.refresh-failed", "parameter", parameterName, "error", e.getClass().getSimpleName());
            return new State(known.value(), known.version(), known.changedAt(), known.previous(), now.minus(ttl).plusSeconds(60));
        }
        long version = parameter.version() == null ? 0 : parameter.version();
        Instant changedAt = parameter.lastModifiedDate() == null ? Instant.MIN : parameter.lastModifiedDate();
        String previous = null;
        if (version > 1 && !rotationWindow.isZero() && now.isBefore(changedAt.plus(rotationWindow))) {
            previous = known != null && known.version() == version ? known.previous() : previous(version - 1);
        }
        return new State(parameter.value(), version, changedAt, previous, now);
    }

    /** The value of {@code version}, or null when it is gone or cannot be read (then only the current value counts). */
    private String previous(long version) {
        try {
            return ssm.get().getParameter(b -> b.name(parameterName + ":" + version).withDecryption(true)).parameter().value();
        } catch (ParameterVersionNotFoundException gone) {
            return null;
        } catch (RuntimeException e) {
            Log.warn("secret.previous-unreadable", "parameter", parameterName, "version", version, "error", e.getClass().getSimpleName());
            return null;
        }
    }
}
