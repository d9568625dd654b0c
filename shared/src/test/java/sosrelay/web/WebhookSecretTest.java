package sosrelay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void refusesToStartWithoutASecret() {
        assertThatThrownBy(() -> new WebhookSecret(" ")).hasMessageContaining("SOS_WEBHOOK_SECRET");
    }
}
