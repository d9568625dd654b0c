package sosrelay.passthru;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import sosrelay.directory.DirectoryStore;
import sosrelay.incident.RecordingPolicy;
import sosrelay.testing.SilentServer;
import sosrelay.testing.UnreachableDynamoDb;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.WebhookSecret;
import sosrelay.config.Settings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Exotel understands 200 (first branch) and 302 (second branch) only: every failure is a 302 with its reason. */
class PassthruWebhookTest {
    private static final String SECRET = "s3cret-s3cret-s3cret";

    @Test
    void anEmergencyThatCannotBeStoredTakesTheSecondBranchAndNamesNoJavaClass() {
        WebResponse answer = passthru(UnreachableDynamoDb.client(), Duration.ofSeconds(5)).handle(request(SECRET, "fd7a090139691d5ed3exxg"));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.body()).isEqualTo("the emergency could not be recorded").doesNotContain("Exception");
    }

    @Test
    void aHangingDatabaseTakesTheSecondBranchWithinTheDeadline() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            DynamoDbClient hanging = DynamoDbClient.builder().endpointOverride(silent.uri()).region(Region.AP_SOUTH_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            long started = System.nanoTime();

            WebResponse answer = passthru(hanging, Duration.ofMillis(300)).handle(request(SECRET, "fd7a090139691d5ed3exxg"));

            // Without the deadline the SDK would wait out its 30 s socket timeout, three times over; the
            // margin above 300 ms is for a CI machine under heavy load.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(answer.status()).isEqualTo(302);
            assertThat(answer.body()).isEqualTo("the emergency was not recorded within 300 ms");
        }
    }

    @Test
    void aWrongSecretAndABadCallSidTakeTheSecondBranchWithTheirReason() {
        PassthruWebhook passthru = passthru(UnreachableDynamoDb.client(), Duration.ofSeconds(5));

        assertThat(passthru.handle(request("wrong-wrong-wrong", "fd7a090139691d5ed3exxg")))
                .extracting(WebResponse::status, WebResponse::body).containsExactly(302, "wrong webhook secret");
        assertThat(passthru.handle(request(SECRET, "bad sid")))
                .extracting(WebResponse::status, WebResponse::body).containsExactly(302, "CallSid must be 1-128 letters, digits, '-' or '_'");
    }

    private static PassthruWebhook passthru(DynamoDbClient dynamo, Duration deadline) {
        return new PassthruWebhook(new WebhookSecret(SECRET), new DirectoryStore(dynamo, "directory", Clock.systemUTC(), Duration.ZERO),
                RecordingPolicy.of(Settings.EXOTEL_RECORDING_HOSTS), null, Clock.systemUTC(),
                new PassthruDeadline(Executors.newCachedThreadPool(), deadline));
    }

    private static WebRequest request(String secret, String callSid) {
        return new WebRequest("GET", Map.of("secret", secret), Map.of("CallSid", List.of(callSid)), Map.of(), null, false, null);
    }
}
