package sosrelay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import sosrelay.pacing.SteppedClock;
import sosrelay.secrets.SecretVersions;

class WebhookSecretTest {

    @Test
    void matchesOnlyTheExactSecret() {
        WebhookSecret secret = new WebhookSecret("local-webhook-secret");

        assertThat(secret.matches("local-webhook-secret")).isTrue();
        assertThat(secret.matches("local-webhook-secreT")).isFalse();
        assertThat(secret.matches("local-webhook-secret ")).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }

    @Test
    void duringARotationBothValuesAreAcceptedAndTheFirstIsHandedOut() {
        AtomicReference<String> parameter = new AtomicReference<>("old-secret-0123456789");
        WebhookSecret secret = new WebhookSecret(parameter::get);
        assertThat(secret.matches("new-secret-9876543210")).isFalse();

        parameter.set("new-secret-9876543210, old-secret-0123456789");
        assertThat(secret.matches("new-secret-9876543210")).isTrue();
        assertThat(secret.matches("old-secret-0123456789")).isTrue();
        assertThat(secret.current()).isEqualTo("new-secret-9876543210");

        parameter.set("new-secret-9876543210");
        assertThat(secret.matches("old-secret-0123456789")).isFalse();
        assertThat(secret.matches("new-secret-9876543210,old-secret-0123456789")).as("the list itself is no secret").isFalse();
    }

    @Test
    void afterAnOverwriteThePreviousVersionIsAcceptedAndHandedOutUntilEveryInstanceCanHaveReadTheNewOne() {
        Instant overwrite = Instant.parse("2026-12-07T10:00:00Z");
        Instant handOver = overwrite.plusSeconds(900);
        SteppedClock now = new SteppedClock(overwrite.plusSeconds(60).toEpochMilli());
        AtomicReference<SecretVersions> parameter = new AtomicReference<>(
                new SecretVersions("new-secret-9876543210", "old-secret-0123456789", handOver));
        WebhookSecret secret = new WebhookSecret(parameter::get, now);

        assertThat(secret.current()).as("an instance still on the old value would refuse the new one").isEqualTo("old-secret-0123456789");
        assertThat(secret.matches("new-secret-9876543210")).isTrue();
        assertThat(secret.matches("old-secret-0123456789")).isTrue();

        now.set(handOver.plusSeconds(1));
        assertThat(secret.current()).isEqualTo("new-secret-9876543210");
        assertThat(secret.matches("old-secret-0123456789")).as("within the rotation window").isTrue();

        // Past the window SecretValue gives no previous value: only the new one opens a route.
        parameter.set(new SecretVersions("new-secret-9876543210", null, handOver));
        assertThat(secret.matches("old-secret-0123456789")).isFalse();
        assertThat(secret.current()).isEqualTo("new-secret-9876543210");
    }

    @Test
    void aPreviousVersionHoldingTheNewValueFirstHandsOutTheNewValue() {
        SteppedClock now = new SteppedClock(Instant.parse("2026-12-07T10:00:00Z").toEpochMilli());
        WebhookSecret secret = new WebhookSecret(() -> new SecretVersions("new-secret-9876543210",
                "new-secret-9876543210,old-secret-0123456789", now.instant().plusSeconds(900)), now);

        assertThat(secret.current()).isEqualTo("new-secret-9876543210");
        assertThat(secret.matches("old-secret-0123456789")).isTrue();
    }


    @Test
    void refusesToStartWithoutASecretOrWithAGuessableOne() {
        assertThatThrownBy(() -> new WebhookSecret(" ")).hasMessageContaining("SOS_WEBHOOK_SECRET");
        assertThatThrownBy(() -> new WebhookSecret("short")).hasMessageContaining("at least 16 characters");
    }
}
