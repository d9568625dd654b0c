package sosrelay.directoryimport;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The operator's AWS session, resolved the way the AWS CLI resolves it: the default credential chain
 * (environment, SSO and assume-role profiles, container and instance roles) and the default region
 * chain, each overridable by {@code --profile} and {@code --region}.
 */
final class AwsSession implements AutoCloseable {
    private final Region region;
    private final SdkHttpClient http;
    private final DynamoDbClient dynamoDb;
    private final StsClient sts;
    private final AwsCredentialsProvider credentials;
    private SsmClient ssm;

    private AwsSession(Region region, SdkHttpClient http, DynamoDbClient dynamoDb, StsClient sts, AwsCredentialsProvider credentials) {
        this.region = region;
        this.http = http;
        this.dynamoDb = dynamoDb;
        this.sts = sts;
        this.credentials = credentials;
    }

    /** Throws {@link SdkException} when no region can be found (its message says how to give one). */
    static AwsSession open(ImportOptions options) {
        Region region = region(options);
        // A named profile wins over credentials in the environment, as with the AWS CLI's --profile.
        AwsCredentialsProvider credentials = options.profile()
                .map(name -> (AwsCredentialsProvider) ProfileCredentialsProvider.builder().profileName(name).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        SdkHttpClient http = UrlConnectionHttpClient.create();
        var dynamo = DynamoDbClient.builder().region(region).credentialsProvider(credentials).httpClient(http);
        var sts = StsClient.builder().region(region).credentialsProvider(credentials).httpClient(http);
        options.endpoint().ifPresent(endpoint -> {
            dynamo.endpointOverride(endpoint);
            sts.endpointOverride(endpoint);
        });
        return new AwsSession(region, http, dynamo.build(), sts.build(), credentials);
    }

    /** --region, else the SDK's default chain (AWS_REGION, aws.region, the profile's region: --profile's, else AWS_PROFILE's). */
    static Region region(ImportOptions options) {
        if (options.region().isPresent()) {
            return Region.of(options.region().get());
        }
        var chain = DefaultAwsRegionProviderChain.builder();
        options.profile().ifPresent(chain::profileName);
        try {
            return chain.build().getRegion();
        } catch (SdkClientException e) {
            throw SdkClientException.create("no AWS region: pass --region, export AWS_REGION, or set region in the profile ("
                    + e.getMessage() + ")", e);
        }
    }

    Region region() {
        return region;
    }

    DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** SSM, built when first asked for: only the WhatsApp opt-in reads a parameter (the GupShup password). */
    synchronized SsmClient ssm() {
        if (ssm == null) {
            ssm = SsmClient.builder().region(region).credentialsProvider(credentials).httpClient(http).build();
        }
        return ssm;
    }

    /** Who the credentials belong to; empty (with the reason) when STS cannot say, which does not stop the import. */
    Identity identity() {
        try {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            return new Identity(Optional.of(identity.account()), Optional.of(identity.arn()), Optional.empty());
        } catch (SdkException e) {
            return new Identity(Optional.empty(), Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    record Identity(Optional<String> account, Optional<String> arn, Optional<String> unknownBecause) {
        String describe() {
            return account.map(a -> "account " + a + " as " + arn.orElse("?")).orElse("an account STS could not name");
        }
    }

    @Override
    public void close() {
        dynamoDb.close();
        sts.close();
        if (ssm != null) {
            ssm.close();
        }
        http.close();
    }
}
