package sosrelay.local.backends;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(120)
class LocalBackendsIT {

    @Test
    void createsTheTemplateResourcesAndRoundTripsAnItemAndAMessage() throws Exception {
        try (LocalBackends backends = LocalBackends.start()) {
            LocalResources resources = TemplateResources.create(SamTemplateTest.testTemplate(), backends);

            assertThat(resources.tableName("ItemsTable")).contains("items");
            var table = backends.dynamoDb().describeTable(d -> d.tableName("items")).table();
            assertThat(table.globalSecondaryIndexes()).extracting(i -> i.indexName()).containsExactly("byOwner");
            assertThat(backends.dynamoDb().describeTimeToLive(d -> d.tableName("items")).timeToLiveDescription().timeToLiveStatus())
                    .isEqualTo(TimeToLiveStatus.ENABLED);

            Map<String, AttributeValue> item = Map.of("pk", s("1"), "owner", s("asha"), "title", s("first"));
            backends.dynamoDb().putItem(p -> p.tableName("items").item(item));
            assertThat(backends.dynamoDb().getItem(g -> g.tableName("items").key(Map.of("pk", s("1")))).item()).isEqualTo(item);
            assertThatThrownBy(() -> backends.dynamoDb().putItem(p -> p.tableName("items").item(item)
                    .conditionExpression("attribute_not_exists(pk)")))
                    .isInstanceOf(ConditionalCheckFailedException.class);

            LocalResources.Queue work = resources.requireQueue("WorkQueue");
            assertThat(work.url()).startsWith(backends.sqsEndpoint().toString());
            assertThat(work.arn()).endsWith(":WorkQueue");
            backends.sqs().sendMessage(m -> m.queueUrl(work.url()).messageBody("hello"));
            List<Message> received = backends.sqs().receiveMessage(r -> r.queueUrl(work.url()).waitTimeSeconds(2)).messages();
            assertThat(received).extracting(Message::body).containsExactly("hello");
        }
    }

    @Test
    void redrivesToTheDeadLetterQueueAfterMaxReceiveCount() throws Exception {
        try (LocalBackends backends = LocalBackends.start()) {
            LocalResources resources = TemplateResources.create(SamTemplateTest.testTemplate(), backends);
            String work = resources.requireQueue("WorkQueue").url();
            String deadLetters = resources.requireQueue("WorkDeadLetterQueue").url();
            backends.sqs().sendMessage(m -> m.queueUrl(work).messageBody("poison"));

            // maxReceiveCount is 2 and the visibility timeout 1 s: two receives, then the DLQ.
            for (int receive = 1; receive <= 2; receive++) {
                List<Message> messages = backends.sqs().receiveMessage(r -> r.queueUrl(work).waitTimeSeconds(3)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
                assertThat(messages).hasSize(1);
                assertThat(messages.get(0).attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, Integer.toString(receive));
            }
            Thread.sleep(1500);
            assertThat(backends.sqs().receiveMessage(r -> r.queueUrl(work).waitTimeSeconds(1)).messages()).isEmpty();
            assertThat(backends.sqs().receiveMessage(r -> r.queueUrl(deadLetters).waitTimeSeconds(2)).messages())
                    .extracting(Message::body).containsExactly("poison");
        }
    }

    @Test
    void keepsTablesItemsQueuesAndMessagesInADataDirectoryAcrossRestarts(@TempDir Path dataDir) throws Exception {
        SamTemplate template = SamTemplateTest.testTemplate();
        try (LocalBackends backends = LocalBackends.start(Optional.of(dataDir))) {
            LocalResources resources = TemplateResources.create(template, backends);
            backends.dynamoDb().putItem(p -> p.tableName("items").item(Map.of("pk", s("kept"))));
            backends.sqs().sendMessage(m -> m.queueUrl(resources.requireQueue("WorkDeadLetterQueue").url()).messageBody("kept"));
        }
        try (LocalBackends backends = LocalBackends.start(Optional.of(dataDir))) {
            LocalResources resources = TemplateResources.create(template, backends);

            assertThat(backends.dynamoDb().getItem(g -> g.tableName("items").key(Map.of("pk", s("kept")))).item()).isNotEmpty();
            assertThat(backends.sqs().receiveMessage(r -> r.queueUrl(resources.requireQueue("WorkDeadLetterQueue").url()).waitTimeSeconds(2))
                    .messages()).extracting(Message::body).containsExactly("kept");
            assertThat(backends.sqs().getQueueAttributes(g -> g.queueUrl(resources.requireQueue("WorkQueue").url())
                    .attributeNamesWithStrings("RedrivePolicy")).attributesAsStrings().get("RedrivePolicy"))
                    .contains(resources.requireQueue("WorkDeadLetterQueue").arn());
        }
    }

    @Test
    void createsTheTemplatesBucketsWhereOnlySignedRequestsAndPresignedUrlsRead(@TempDir Path dataDir) throws Exception {
        SamTemplate template = SamTemplateTest.testTemplate();
        try (LocalBackends backends = LocalBackends.start(Optional.of(dataDir))) {
            LocalResources resources = TemplateResources.create(template, backends);
            assertThat(resources.bucketName("FilesBucket")).contains("filesbucket");
            backends.s3().putObject(p -> p.bucket("filesbucket").key("a/b.txt").contentType("text/plain"), RequestBody.fromString("kept"));
        }
        try (LocalBackends backends = LocalBackends.start(Optional.of(dataDir))) {
            TemplateResources.create(template, backends);
            assertThat(backends.s3().getObjectAsBytes(g -> g.bucket("filesbucket").key("a/b.txt")).asUtf8String()).isEqualTo("kept");

            HttpClient http = HttpClient.newHttpClient();
            URI unsigned = URI.create(backends.s3Endpoint() + "/filesbucket/a/b.txt");
            assertThat(http.send(HttpRequest.newBuilder(unsigned).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(403);
            try (S3Presigner presigner = backends.s3Presigner()) {
                URI presigned = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                        .getObjectRequest(g -> g.bucket("filesbucket").key("a/b.txt"))).url().toURI();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(presigned).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("kept");
            }
        }
    }

    @Test
    void twoInstancesRunSideBySide() {
        try (LocalBackends first = LocalBackends.start(); LocalBackends second = LocalBackends.start()) {
            assertThat(first.dynamoEndpoint()).isNotEqualTo(second.dynamoEndpoint());
            assertThat(first.sqsEndpoint()).isNotEqualTo(second.sqsEndpoint());
            first.sqs().createQueue(c -> c.queueName("only-in-first"));
            assertThat(second.sqs().listQueues().queueUrls()).isEmpty();
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
