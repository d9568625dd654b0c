package sosrelay.passthru;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.directory.DirectoryStore;
import sosrelay.incident.RecordingPolicy;
import sosrelay.testing.UnreachableDynamoDb;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.WebhookSecret;
import sosrelay.wiring.Wiring;

class PassthruWebhookTest {
    @Test
    void anEmergencyThatCannotBeStoredGetsA503ThatNamesNoJavaClass() {
        PassthruWebhook passthru = new PassthruWebhook(new WebhookSecret("s3cret-s3cret-s3cret"),
                new DirectoryStore(UnreachableDynamoDb.client(), "directory", Clock.systemUTC(), Duration.ZERO),
                RecordingPolicy.of(Wiring.EXOTEL_RECORDING_HOSTS), null, Clock.systemUTC());

        WebResponse answer = passthru.handle(new WebRequest("GET", Map.of("secret", "s3cret-s3cret-s3cret"),
                Map.of("CallSid", List.of("fd7a090139691d5ed3exxg")), Map.of(), null, false, null));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo("the emergency could not be recorded").doesNotContain("Exception");
    }
}
