package sosrelay.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the AWS SDK costs any handler that uses it: the Passthru's two clients (DynamoDB and SQS), built with the same
 * settings as the functions' ({@code AwsClients}: region, keys and endpoint from the environment, the URLConnection
 * HTTP client, no profile files), and one DynamoDB GetItem, the directory item the Passthru reads first. No project
 * code: the Passthru's cold start beside this one is what the project adds to the SDK's.
 */
public final class SdkOnlyHandler implements RequestHandler<Map<String, Object>, String> {
    private final DynamoDbClient dynamo = configured(DynamoDbClient.builder(), "DYNAMODB");
    private final SqsClient sqs = configured(SqsClient.builder(), "SQS");

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        dynamo.getItem(b -> b.tableName(System.getenv("DIRECTORY_TABLE")).key(Map.of("id", AttributeValue.fromS("current"))));
        return "OK";
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configured(B builder, String service) {
        builder.region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
                .overrideConfiguration(c -> c.defaultProfileFileSupplier(() -> ProfileFile.aggregator().build()))
                .httpClient(UrlConnectionHttpClient.create());
        String endpoint = System.getenv("AWS_ENDPOINT_URL_" + service);
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    public static void main(String[] args) {
        String answer = new SdkOnlyHandler().handleRequest(Map.of(), null);
        System.out.println("response " + answer + " " + System.currentTimeMillis());
    }
}
