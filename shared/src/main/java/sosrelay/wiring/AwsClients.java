package sosrelay.wiring;

import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import sosrelay.config.Settings;

/**
 * SDK clients configured from the function's {@link Settings.Aws} rather than the process: region, endpoint
 * overrides (the SDK's own {@code AWS_ENDPOINT_URL_<SERVICE>} names) and credentials. The
 * URLConnection HTTP client is the lightest to load; nothing is left to classpath discovery.
 */
final class AwsClients {
    /** Lambda has no profile files: resolving settings from an empty one spares the cold start reading the disk for them. */
    private static final ProfileFile NO_PROFILES = ProfileFile.aggregator().build();

    private final Supplier<Settings.Aws> settings;
    private final ClientOverrideConfiguration overrides;

    /** {@code overrides}: empty on Lambda; the local stack's per-function checks (IAM) otherwise. */
    AwsClients(Supplier<Settings.Aws> settings, ClientOverrideConfiguration overrides) {
        this.settings = settings;
        this.overrides = overrides;
    }

    /** {@code service}: one of {@link Settings#AWS_SERVICES}. */
    <B extends AwsClientBuilder<B, C>, C> C build(B builder, String service) {
        Settings.Aws aws = settings.get();
        ClientOverrideConfiguration.Builder override = overrides.toBuilder().defaultProfileFileSupplier(() -> NO_PROFILES);
        if (aws.callTimeout() != null || aws.attemptTimeout() != null) {
            // A function with a deadline (the Passthru) must not wait out the SDK's own defaults.
            override.apiCallTimeout(aws.callTimeout()).apiCallAttemptTimeout(aws.attemptTimeout());
        }
        // One override configuration: the builder's overrideConfiguration(Consumer) starts from an empty one and would
        // drop the others (the local stack's IAM checks, the empty profile file).
        builder.region(Region.of(aws.region()))
                .credentialsProvider(credentials(aws.credentials()))
                .overrideConfiguration(override.build());
        URI endpoint = aws.endpoints().get(service);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
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
        if (settings.get().endpoints().containsKey("S3")) {
            builder.forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return build(builder, "S3");
    }

    /** Signs URLs locally (no request is made), with the function's own credentials: the URL reads with its rights. */
    S3Presigner s3Presigner() {
        Settings.Aws aws = settings.get();
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials(aws.credentials()));
        URI endpoint = aws.endpoints().get("S3");
        if (endpoint != null) {
            builder.endpointOverride(endpoint).serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    /**
     * A request about to be presigned: the URL does it later with this function's rights, so the checks the function's
     * clients carry (the local stack's IAM role, in the overrides) see it now as one of the function's own requests,
     * {@code operation} of {@code service} (the SDK's names). On Lambda there are none: nothing happens.
     */
    void signing(String service, String operation, SdkRequest request) {
        for (ExecutionInterceptor interceptor : overrides.executionInterceptors()) {
            ExecutionAttributes attributes = new ExecutionAttributes()
                    .putAttribute(SdkExecutionAttribute.SERVICE_NAME, service)
                    .putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
            interceptor.beforeExecution(() -> request, attributes);
        }
    }

    /**
     * Keys in the environment (local stack, tests, classic Lambda) are used as they are; without them
     * (SnapStart functions get their credentials from the container endpoint) that endpoint. Never the
     * default chain: it reads profile files and probes sources Lambda does not have.
     */
    private static AwsCredentialsProvider credentials(Settings.Aws.Credentials keys) {
        if (keys == null) {
            return ContainerCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(keys.sessionToken() == null
                ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
    }
}
