package sosrelay.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
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
 * Nothing secret or rotatable goes into a SnapStart snapshot: the warm-up SnapStart runs before it reads no SSM
 * parameter (the webhook secret, Exotel's token, the flow URL), in a webhook function or in a worker whose account
 * holds the status-callback URL with the secret inside; they are read after the restore, when first needed, and
 * kept for their TTL (SecretValue), so a rotation reaches restored instances with no new version.
 */
class SnapStartSecretsIT {

    @Test
    void aWebhookFunctionsWarmUpReadsNoSecret() {
        try (LocalTemplate stack = LocalTemplate.start()) {
            List<String> requests = new CopyOnWriteArrayList<>();
            ApiHandler handler = new ApiHandler(wiring(stack, "ExotelPassthruFunction", requests), Wiring::passthruWebhook) {
            };

            handler.warmUp();

            assertThat(requests).as("SDK requests of the warm-up").isNotEmpty().doesNotContain("GetParameterRequest");
        }
    }

    @Test
    void theCallWorkersWarmUpBuildsItsAccountWithoutReadingTheSecretItsCallbackUrlHolds() {
        try (LocalTemplate stack = LocalTemplate.start()) {
            List<String> requests = new CopyOnWriteArrayList<>();
            SqsJobHandler handler = new SqsJobHandler(wiring(stack, "CallJobFunction", requests), Wiring::callJobs) {
            };

            handler.warmUp();

            assertThat(requests).as("SDK requests of the warm-up").isNotEmpty().doesNotContain("GetParameterRequest");
        }
    }

    /** The function's template environment, its secrets in SSM as on AWS; every SDK request is recorded by its class name. */
    private static Wiring wiring(LocalTemplate stack, String function, List<String> requests) {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.add(context.request().getClass().getSimpleName());
            }
        };
        Map<String, String> environment = new HashMap<>(stack.environmentOf(function, Map.of("EXOTEL_ACCOUNT_SID", "acme",
                "EXOTEL_API_KEY", "key", "EXOTEL_API_TOKEN_PARAMETER", "/sos-relay/exotel-api-token", "EXOTEL_CALLER_ID", "08047000000",
                "SOS_PUBLIC_BASE_URL", "https://sos.example")));
        environment.remove("SOS_WEBHOOK_SECRET");
        environment.put("SOS_WEBHOOK_SECRET_PARAMETER", "/sos-relay/webhook-secret");
        // Nothing answers SSM here: a read would be recorded, then fail.
        environment.put("AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:9");
        return new Wiring(Env.of(environment), Clock.systemUTC(), ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder).build());
    }
}
