package sosrelay.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.local.backends.LocalBackends;
import sosrelay.pacing.SteppedClock;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * SecretValue against the local Parameter Store (moto's server, the real SSM API): a value kept for its TTL, an overwrite
 * read after it, and the version before the overwrite known for the rotation window only (read by its selector).
 */
class SecretValueIT {
    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Duration WINDOW = Duration.ofHours(1);
    private static LocalBackends backends;

    @BeforeAll
    static void start() {
        backends = LocalBackends.start(Optional.empty(), true);
    }

    @AfterAll
    static void stop() {
        backends.close();
    }

    @Test
    void anOverwriteIsReadAfterTheTtlAndThePreviousValueCountsForTheWindowOnly() {
        SsmClient ssm = backends.ssm();
        String name = "/sos-relay/rotated";
        ssm.putParameter(b -> b.name(name).type(ParameterType.SECURE_STRING).value("old-secret-0123456789"));
        SteppedClock now = new SteppedClock(Instant.now().toEpochMilli());
        SecretValue secret = new SecretValue(() -> ssm, name, now, TTL, WINDOW);

        assertThat(secret.versions().current()).isEqualTo("old-secret-0123456789");
        assertThat(secret.versions().previous()).as("never overwritten").isNull();

        ssm.putParameter(b -> b.name(name).type(ParameterType.SECURE_STRING).value("new-secret-9876543210").overwrite(true));
        Instant overwritten = ssm.getParameter(b -> b.name(name)).parameter().lastModifiedDate();
        assertThat(secret.get()).as("kept for its TTL").isEqualTo("old-secret-0123456789");

        now.set(now.instant().plus(TTL).plusSeconds(1));
        SecretVersions rotated = secret.versions();
        assertThat(rotated.current()).isEqualTo("new-secret-9876543210");
        assertThat(rotated.previous()).isEqualTo("old-secret-0123456789");
        assertThat(rotated.handOverAt()).isEqualTo(overwritten.plus(TTL));

        now.set(overwritten.plus(WINDOW).plusSeconds(1));
        assertThat(secret.versions().previous()).as("past the rotation window").isNull();
        assertThat(secret.get()).isEqualTo("new-secret-9876543210");
    }

    @Test
    void withoutARotationWindowThePreviousVersionIsNeverRead() {
        SsmClient ssm = backends.ssm();
        String name = "/sos-relay/token";
        ssm.putParameter(b -> b.name(name).type(ParameterType.SECURE_STRING).value("first"));
        ssm.putParameter(b -> b.name(name).type(ParameterType.SECURE_STRING).value("second").overwrite(true));

        SecretValue secret = new SecretValue(() -> ssm, name, Clock.systemUTC(), TTL);

        assertThat(secret.versions().current()).isEqualTo("second");
        assertThat(secret.versions().previous()).isNull();
    }
}
