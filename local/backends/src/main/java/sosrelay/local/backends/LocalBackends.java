package sosrelay.local.backends;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * DynamoDB Local, ElasticMQ and S3Proxy in this JVM, each on its own free port, with SDK v2 clients
 * for them, and, only when asked for, SSM Parameter Store (moto's server, {@link MotoServer}). Several instances can
 * run side by side (tests).
 */
public final class LocalBackends implements AutoCloseable {
    public static final Region REGION = Region.AP_SOUTH_1;
    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local";
    public static final String ACCOUNT_ID = ElasticMqServer.ACCOUNT_ID;
    /** The stack's name here, where the template scopes a name to its stack ({@code AWS::StackName}). */
    public static final String STACK_NAME = "sos-relay-local";

    private final DynamoDbLocalServer dynamo;
    private final ElasticMqServer elasticMq;
    private final S3ProxyServer s3;
    private final Optional<MotoServer> ssm;
    private final Optional<Path> dataDir;
    private final DynamoDbClient dynamoDbClient;
    private final SqsClient sqsClient;
    private final S3Client s3Client;
    private final Optional<SsmClient> ssmClient;

    private LocalBackends(DynamoDbLocalServer dynamo, ElasticMqServer elasticMq, S3ProxyServer s3, Optional<MotoServer> ssm,
                          Optional<Path> dataDir) {
        this.dynamo = dynamo;
        this.elasticMq = elasticMq;
        this.s3 = s3;
        this.ssm = ssm;
        this.dataDir = dataDir;
        this.dynamoDbClient = DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint()).region(REGION).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.sqsClient = SqsClient.builder()
                .endpointOverride(elasticMq.endpoint()).region(REGION).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.s3Client = s3Client(s3.endpoint());
        this.ssmClient = ssm.map(server -> ssmClient(server.endpoint()));
    }

    /** An SSM client for the local Parameter Store at {@code endpoint}, with the local credentials. */
    public static SsmClient ssmClient(URI endpoint) {
        return SsmClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /**
     * S3Proxy answers at one host, so buckets go in the path, not the host name; and it does not read the
     * SDK's default checksum trailers, so checksums are sent only where S3 requires them.
     */
    public static S3Client s3Client(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint).region(REGION).credentialsProvider(credentials())
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** In memory. */
    public static LocalBackends start() {
        return start(Optional.empty());
    }

    /**
     * With a data directory, tables live in {@code dir/dynamodb}, queues in {@code dir/sqs} and buckets in
     * {@code dir/s3}, and survive a restart.
     */
    public static LocalBackends start(Optional<Path> dataDir) {
        return start(dataDir, false);
    }

    /**
     * As {@link #start(Optional)}, with SSM Parameter Store too when {@code ssm} (a Python process: moto's server). Its
     * parameters are kept in memory even with a data directory; whoever starts a stack puts them.
     */
    public static LocalBackends start(Optional<Path> dataDir, boolean ssm) {
        // S3Proxy spends seconds in jclouds' and Jetty's start-up, moto's server in Python's: beside the other two.
        CompletableFuture<S3ProxyServer> s3 = CompletableFuture.supplyAsync(
                () -> S3ProxyServer.start(dataDir.map(dir -> dir.resolve("s3")), ACCESS_KEY_ID, SECRET_ACCESS_KEY));
        CompletableFuture<Optional<MotoServer>> moto = ssm
                ? CompletableFuture.supplyAsync(() -> Optional.of(MotoServer.start())) : CompletableFuture.completedFuture(Optional.empty());
        DynamoDbLocalServer dynamo = null;
        ElasticMqServer elasticMq = null;
        try {
            dynamo = DynamoDbLocalServer.start(dataDir.map(dir -> dir.resolve("dynamodb")));
            elasticMq = ElasticMqServer.start(dataDir.map(dir -> dir.resolve("sqs")));
            return new LocalBackends(dynamo, elasticMq, s3.join(), moto.join(), dataDir);
        } catch (RuntimeException e) {
            s3.thenAccept(S3ProxyServer::close);
            moto.thenAccept(server -> server.ifPresent(MotoServer::close));
            if (elasticMq != null) {
                elasticMq.close();
            }
            if (dynamo != null) {
                dynamo.close();
            }
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    public URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    public URI sqsEndpoint() {
        return elasticMq.endpoint();
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    /** SSM's endpoint, when these backends were started with it. */
    public Optional<URI> ssmEndpoint() {
        return ssm.map(MotoServer::endpoint);
    }

    /** A client of the local Parameter Store; throws when these backends were started without SSM. */
    public SsmClient ssm() {
        return ssmClient.orElseThrow(() -> new IllegalStateException("these backends were started without SSM"));
    }

    /** Creates the bucket unless it exists. */
    public void createBucket(String name) {
        s3.createBucket(name);
    }

    public Optional<Path> dataDir() {
        return dataDir;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDbClient;
    }

    public SqsClient sqs() {
        return sqsClient;
    }

    public S3Client s3() {
        return s3Client;
    }

    /** A presigner for the local S3 (path-style, as S3Proxy serves); the caller closes it. */
    public S3Presigner s3Presigner() {
        return S3Presigner.builder().endpointOverride(s3Endpoint()).region(REGION).credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    }

    @Override
    public void close() {
        dynamoDbClient.close();
        sqsClient.close();
        s3Client.close();
        ssmClient.ifPresent(SsmClient::close);
        try {
            ssm.ifPresent(MotoServer::close);
            s3.close();
        } finally {
            try {
                elasticMq.close();
            } finally {
                dynamo.close();
            }
        }
    }
}
