package sosrelay.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import sosrelay.local.backends.junit.ApiEvents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import sosrelay.config.Env;
import sosrelay.directoryimport.ImportDirectoryCommand;
import sosrelay.local.backends.FunctionEnvironment;
import sosrelay.local.backends.LocalResources;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.backends.SamTemplate;
import sosrelay.local.backends.TemplateResources;
import sosrelay.passthru.ExotelPassthruHandler;
import sosrelay.wiring.Wiring;

/**
 * template.yaml's tables and queues created in LocalStack, the recipient directory imported with the
 * operator's tool (DynamoDB and a real STS API), and the Passthru handler raising an incident there
 * with the environment the template gives it. Without Docker, JUnit reports these tests as skipped,
 * "disabledWithoutDocker is true and Docker is not available". The image is -Dlocalstack.image
 * (default below); LocalStack's own LOCALSTACK_AUTH_TOKEN is passed on when set.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackTemplateIT {
    private static final String IMAGE = System.getProperty("localstack.image", "localstack/localstack:4.4");

    @Container
    private static final LocalStackContainer LOCALSTACK = localStack();

    private static SamTemplate template;
    private static DynamoDbClient dynamo;
    private static SqsClient sqs;
    private static LocalResources resources;

    private static LocalStackContainer localStack() {
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("localstack/localstack"))
                .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS,
                        LocalStackContainer.Service.S3, LocalStackContainer.Service.SSM, LocalStackContainer.Service.STS);
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        return token == null ? container : container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }

    @BeforeAll
    static void createTheTemplatesResources() {
        template = SamTemplate.load(LocalTemplate.findTemplate());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        dynamo = DynamoDbClient.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        resources = TemplateResources.create(template, dynamo, sqs, S3Client.builder().endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion())).forcePathStyle(true).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).build());
        // The import tool takes the operator's credentials from the SDK's default chain; here, LocalStack's.
        System.setProperty("aws.accessKeyId", LOCALSTACK.getAccessKey());
        System.setProperty("aws.secretAccessKey", LOCALSTACK.getSecretKey());
    }

    @Test
    void theTemplatesTablesAndQueuesExistWithTheirSettings() {
        assertThat(dynamo.describeTimeToLive(d -> d.tableName(resources.tableName("IncidentsTable").orElseThrow()))
                .timeToLiveDescription().timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
        String redrive = sqs.getQueueAttributes(g -> g.queueUrl(resources.requireQueue("CallJobsQueue").url())
                .attributeNames(QueueAttributeName.REDRIVE_POLICY)).attributes().get(QueueAttributeName.REDRIVE_POLICY);
        assertThat(redrive).contains(resources.requireQueue("CallJobsDeadLetterQueue").arn()).contains("8");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-passthru.json", type = APIGatewayProxyRequestEvent.class)
    void theImportedDirectoryIsRungThroughTheTemplatesQueues(APIGatewayProxyRequestEvent passthru) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = ImportDirectoryCommand.run(new String[] {"--file",
                Path.of(LocalStackTemplateIT.class.getResource("/one-doctor-directory.yaml").toURI()).toString(),
                "--table", resources.tableName("DirectoryTable").orElseThrow(), "--region", LOCALSTACK.getRegion(),
                "--endpoint-url", LOCALSTACK.getEndpoint().toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported 1 people", "account 000000000000");

        ExotelPassthruHandler handler = new ExotelPassthruHandler(new Wiring(Env.of(environment("ExotelPassthruFunction"))));
        assertThat(handler.handleRequest(ApiEvents.of(passthru), null).getStatusCode()).isEqualTo(200);

        assertThat(sqs.receiveMessage(r -> r.queueUrl(resources.requireQueue("CallJobsQueue").url()).waitTimeSeconds(5)).messages())
                .singleElement().extracting(m -> m.body()).asString().contains("dr-one");
    }

    /** The function's environment from the template, pointed at LocalStack; the secret the fixture's path carries. */
    private static Map<String, String> environment(String function) {
        URI endpoint = LOCALSTACK.getEndpoint();
        Map<String, String> variables = new HashMap<>(new FunctionEnvironment(template, resources, endpoint, endpoint, endpoint)
                .resolve(template.function(function).orElseThrow(), Map.of("SOS_WEBHOOK_SECRET", "local-webhook-secret",
                        "EXOTEL_ACCOUNT_SID", "acme"), Map.of())
                .variables());
        variables.put("AWS_REGION", LOCALSTACK.getRegion());
        variables.put("AWS_ACCESS_KEY_ID", LOCALSTACK.getAccessKey());
        variables.put("AWS_SECRET_ACCESS_KEY", LOCALSTACK.getSecretKey());
        return variables;
    }
}
