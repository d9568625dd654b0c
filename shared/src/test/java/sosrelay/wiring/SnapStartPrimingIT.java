package sosrelay.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import sosrelay.config.Env;
import sosrelay.local.backends.LocalTemplate;

/**
 * The warm-up SnapStart runs before its snapshot, on DynamoDB Local and ElasticMQ: it takes each client the function
 * built the whole way to the service and back, and leaves nothing behind (no job queued, no item written).
 */
class SnapStartPrimingIT {

    @Test
    void thePassthrusWarmUpReadsDynamoDbAndReachesSqsWithoutQueueingAnything() {
        try (LocalTemplate stack = LocalTemplate.start()) {
            List<String> requests = new CopyOnWriteArrayList<>();
            Wiring wiring = wiring(stack, "ExotelPassthruFunction", requests);
            wiring.passthruWebhook();

            wiring.warmUpStorage();

            // The init's own walk of the SQS path (beside the DynamoDB client's build) ends before the warm-up's requests:
            // nothing of it is in flight when the snapshot is taken.
            assertThat(requests).containsExactly("SendMessageBatchRequest", "GetItemRequest", "SendMessageBatchRequest");
            assertThat(stack.drainQueue("CallJobsQueue")).isEmpty();
        }
    }

    @Test
    void aFunctionWithoutAnSqsClientIsNotGivenOneByItsWarmUp() {
        try (LocalTemplate stack = LocalTemplate.start()) {
            List<String> requests = new CopyOnWriteArrayList<>();
            Wiring wiring = wiring(stack, "ExotelGreetingFunction", requests);
            wiring.greetingWebhook();

            wiring.warmUpStorage();

            assertThat(requests).containsExactly("GetItemRequest");
        }
    }

    @Test
    void aFunctionWithoutADynamoDbClientAsksNothing() {
        try (LocalTemplate stack = LocalTemplate.start()) {
            List<String> requests = new CopyOnWriteArrayList<>();
            Wiring wiring = wiring(stack, "BoardFunction", requests);
            wiring.boardPage();

            wiring.warmUpStorage();

            assertThat(requests).as("the board's role allows no table: a read would be refused at every publish").isEmpty();
        }
    }

    /** The function's template environment; every SDK request it makes is recorded by its class name. */
    private static Wiring wiring(LocalTemplate stack, String function, List<String> requests) {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.add(context.request().getClass().getSimpleName());
            }
        };
        // The account's sid is the deploy's required ExotelAccountSid parameter (the Passthru narrows recordings to its folder).
        return new Wiring(Env.of(stack.environmentOf(function, Map.of("SOS_WEBHOOK_SECRET", "local-webhook-secret",
                        "EXOTEL_ACCOUNT_SID", "acme"))),
                Clock.systemUTC(), ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder).build());
    }
}
