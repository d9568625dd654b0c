package sosrelay.wiring;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import sosrelay.config.Env;

/**
 * SDK clients configured from the function's {@link Env} rather than the process: region, endpoint
 * overrides (the SDK's own {@code AWS_ENDPOINT_URL_<SERVICE>} names) and credentials. The
 * URLConnection HTTP client is the lightest to load; nothing is left to classpath discovery.
 */
final class AwsClients {
    private final Env env;
    private final ClientOverrideConfiguration overrides;

    /** {@code overrides}: empty on Lambda; the local stack's per-function checks (IAM) otherwise. */
    AwsClients(Env env, ClientOverrideConfiguration overrides) {
        this.env = env;
        this.overrides = overrides;
    }

    <B extends AwsClientBuilder<B, C>, C> C build(B builder, String serviceEnvSuffix) {
        builder.region(Region.of(env.get(SdkSystemSetting.AWS_REGION.environmentVariable(), "ap-south-1")))
                .credentialsProvider(credentials())
                .overrideConfiguration(overrides);
        String endpoint = env.get("AWS_ENDPOINT_URL_" + serviceEnvSuffix);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(UrlConnectionHttpClient.create());
        }
        return builder.build();
    }

    /**
     * Keys in the environment (local stack, tests, classic Lambda) are used as they are; without them
     * (SnapStart functions get their credentials from the container endpoint) the default chain.
     */
    private AwsCredentialsProvider credentials() {
        String keyId = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (keyId == null || secret == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        String session = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(session == null
                ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.create(keyId, secret, session));
    }
}
