package sosrelay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

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
    void refusesToStartWithoutASecretOrWithAGuessableOne() {
        assertThatThrownBy(() -> new WebhookSecret(" ")).hasMessageContaining("SOS_WEBHOOK_SECRET");
        assertThatThrownBy(() -> new WebhookSecret("short")).hasMessageContaining("at least 16 characters");
    }
}
