package sosrelay.local.backends;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * DynamoDB Local and ElasticMQ in this JVM, each on its own free port, with SDK v2 clients for
 * them. Several instances can run side by side (tests).
 */
public final class LocalBackends implements AutoCloseable {
    public static final Region REGION = Region.AP_SOUTH_1;
    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local";
    public static final String ACCOUNT_ID = ElasticMqServer.ACCOUNT_ID;

    private final DynamoDbLocalServer dynamo;
    private final ElasticMqServer elasticMq;
    private final Optional<Path> dataDir;
    private final DynamoDbClient dynamoDbClient;
    private final SqsClient sqsClient;

    private LocalBackends(DynamoDbLocalServer dynamo, ElasticMqServer elasticMq, Optional<Path> dataDir) {
        this.dynamo = dynamo;
        this.elasticMq = elasticMq;
        this.dataDir = dataDir;
        this.dynamoDbClient = DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint()).region(REGION).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.sqsClient = SqsClient.builder()
                .endpointOverride(elasticMq.endpoint()).region(REGION).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** In memory. */
    public static LocalBackends start() {
        return start(Optional.empty());
    }

    /** With a data directory, tables live in {@code dir/dynamodb} and queues in {@code dir/sqs}, and survive a restart. */
    public static LocalBackends start(Optional<Path> dataDir) {
        DynamoDbLocalServer dynamo = DynamoDbLocalServer.start(dataDir.map(dir -> dir.resolve("dynamodb")));
        try {
            ElasticMqServer elasticMq = ElasticMqServer.start(dataDir.map(dir -> dir.resolve("sqs")));
            return new LocalBackends(dynamo, elasticMq, dataDir);
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
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

    public Optional<Path> dataDir() {
        return dataDir;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDbClient;
    }

    public SqsClient sqs() {
        return sqsClient;
    }

    @Override
    public void close() {
        dynamoDbClient.close();
        sqsClient.close();
        try {
            elasticMq.close();
        } finally {
            dynamo.close();
        }
    }
}
