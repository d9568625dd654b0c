package sosrelay.wiring;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import sosrelay.config.Env;

/**
 * SDK clients configured from the function's {@link Env} rather than the process: region, endpoint
 * overrides (the SDK's own {@code AWS_ENDPOINT_URL_<SERVICE>} names) and credentials. The
 * URLConnection HTTP client is the lightest to load; nothing is left to classpath discovery.
 */
final class AwsClients {
    /** Lambda has no profile files: resolving settings from an empty one spares the cold start reading the disk for them. */
    private static final ProfileFile NO_PROFILES = ProfileFile.aggregator().build();

    private final Env env;
    private final ClientOverrideConfiguration overrides;

    /** {@code overrides}: empty on Lambda; the local stack's per-function checks (IAM) otherwise. */
    AwsClients(Env env, ClientOverrideConfiguration overrides) {
        this.env = env;
        this.overrides = overrides;
    }

    <B extends AwsClientBuilder<B, C>, C> C build(B builder, String serviceEnvSuffix) {
        ClientOverrideConfiguration.Builder override = overrides.toBuilder().defaultProfileFileSupplier(() -> NO_PROFILES);
        Duration callTimeout = millis("AWS_CALL_TIMEOUT_MS");
        Duration attemptTimeout = millis("AWS_CALL_ATTEMPT_TIMEOUT_MS");
        if (callTimeout != null || attemptTimeout != null) {
            // A function with a deadline (the Passthru) must not wait out the SDK's own defaults.
            override.apiCallTimeout(callTimeout).apiCallAttemptTimeout(attemptTimeout);
        }
        // One override configuration: the builder's overrideConfiguration(Consumer) starts from an empty one and would
        // drop the others (the local stack's IAM checks, the empty profile file).
        builder.region(Region.of(env.get(SdkSystemSetting.AWS_REGION.environmentVariable(), "ap-south-1")))
                .credentialsProvider(credentials())
                .overrideConfiguration(override.build());
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
     * S3 as {@link #build} makes it; with a local endpoint (S3Proxy) the bucket goes in the path, not the
     * host name, and checksums only where S3 requires them (S3Proxy does not read the SDK's checksum trailers).
     */
    S3Client s3() {
        S3ClientBuilder builder = S3Client.builder();
        if (localEndpoint("S3")) {
            builder.forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return build(builder, "S3");
    }

    /** Signs URLs locally (no request is made), with the function's own credentials: the URL reads with its rights. */
    S3Presigner s3Presigner() {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(env.get(SdkSystemSetting.AWS_REGION.environmentVariable(), "ap-south-1")))
                .credentialsProvider(credentials());
        if (localEndpoint("S3")) {
            builder.endpointOverride(URI.create(env.get("AWS_ENDPOINT_URL_S3")))
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    private boolean localEndpoint(String serviceEnvSuffix) {
        String endpoint = env.get("AWS_ENDPOINT_URL_" + serviceEnvSuffix);
        return endpoint != null && !endpoint.isBlank();
    }

    private Duration millis(String variable) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? null : Duration.ofMillis(Long.parseLong(value.trim()));
    }

    /**
     * Keys in the environment (local stack, tests, classic Lambda) are used as they are; without them
     * (SnapStart functions get their credentials from the container endpoint) that endpoint. Never the
     * default chain: it reads profile files and probes sources Lambda does not have.
     */
    private AwsCredentialsProvider credentials() {
        String keyId = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (keyId == null || secret == null) {
            return ContainerCredentialsProvider.builder().build();
        }
        String session = env.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(session == null
                ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.create(keyId, secret, session));
    }
}
