package sosrelay.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.delivery.DeliveryOutcomes;
import sosrelay.delivery.DeliveryStore;
import sosrelay.delivery.PendingReports;
import sosrelay.testing.UnreachableDynamoDb;
import sosrelay.web.FormEncoding;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.WebhookSecret;

class StatusCallbackWebhookTest {
    /** Any lookup fails, as DynamoDB does for a key over 2 KB: only an id that is never looked up gets a 4xx. */
    private final StatusCallbackWebhook calls = StatusCallbackWebhook.forCalls(new WebhookSecret("s3cret-s3cret-s3cret"),
            new DeliveryOutcomes(new DeliveryStore(UnreachableDynamoDb.client(), "incidents", Clock.systemUTC(), Duration.ofMinutes(1)),
                    new PendingReports(UnreachableDynamoDb.client(), "incidents", Clock.systemUTC()), null, ref -> { }, ref -> { }));

    @Test
    void aCallSidThatCannotBeExotelsIsRefusedWithoutALookup() {
        WebResponse answer = calls.handle(form(Map.of("CallSid", "z".repeat(1024 * 1024), "Status", "completed")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("CallSid must be 1-128 letters, digits, '-' or '_'");
    }

    @Test
    void aPlausibleCallSidIsLookedUpAndAFailedLookupAsksExotelToTryAgain() {
        WebResponse answer = calls.handle(form(Map.of("CallSid", "b6c45e5bd1ba48ac", "Status", "completed")));

        assertThat(answer.status()).isEqualTo(503);
    }

    private static WebRequest form(Map<String, String> fields) {
        return new WebRequest("POST", Map.of("secret", "s3cret-s3cret-s3cret"), Map.of(),
                Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), FormEncoding.encode(fields), false, null);
    }
}
