package sosrelay.local.backends;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * For tests: the project's own template.yaml on fresh in-memory backends, and the environment each
 * function gets from it (never the test JVM's own environment), so a handler under test talks to
 * the same tables and queues it would on the local stack or on AWS.
 */
public final class LocalTemplate implements AutoCloseable {
    private final SamTemplate template;
    private final LocalBackends backends;
    private final LocalResources resources;

    private LocalTemplate(SamTemplate template, LocalBackends backends, LocalResources resources) {
        this.template = template;
        this.backends = backends;
        this.resources = resources;
    }

    /** The template.yaml found in the working directory or the nearest folder above it. */
    public static LocalTemplate start() {
        SamTemplate template = SamTemplate.load(findTemplate());
        LocalBackends backends = LocalBackends.start(Optional.empty());
        return new LocalTemplate(template, backends, TemplateResources.create(template, backends));
    }

    public static Path findTemplate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir.resolve("template.yaml");
            }
        }
        throw new IllegalStateException("no template.yaml in " + Path.of("").toAbsolutePath() + " or above");
    }

    /** The function's variables as the template resolves them here, with {@code overrides} on top. */
    public Map<String, String> environmentOf(String functionLogicalId, Map<String, String> overrides) {
        TemplateFunction function = template.function(functionLogicalId)
                .orElseThrow(() -> new IllegalArgumentException("template.yaml has no function " + functionLogicalId));
        return FunctionEnvironment.of(template, resources, backends).resolve(function, overrides, Map.of()).variables();
    }

    public LocalBackends backends() {
        return backends;
    }

    public String tableName(String logicalId) {
        return resources.tableName(logicalId).orElseThrow();
    }

    public String bucketName(String logicalId) {
        return resources.bucketName(logicalId).orElseThrow();
    }

    public String queueUrl(String logicalId) {
        return resources.requireQueue(logicalId).url();
    }

    /** Every message now visible on the queue, received and deleted. */
    public List<String> drainQueue(String logicalId) {
        SqsClient sqs = backends.sqs();
        String url = resources.requireQueue(logicalId).url();
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                bodies.add(message.body());
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
    }

    /** Empties every table, queue and bucket, so each test starts from nothing. */
    public void reset() {
        DynamoDbClient dynamo = backends.dynamoDb();
        for (String table : resources.tableNames().values()) {
            List<String> keys = dynamo.describeTable(b -> b.tableName(table)).table().keySchema().stream()
                    .map(KeySchemaElement::attributeName).toList();
            for (Map<String, AttributeValue> item : dynamo.scanPaginator(b -> b.tableName(table)).items()) {
                Map<String, AttributeValue> key = new HashMap<>();
                keys.forEach(k -> key.put(k, item.get(k)));
                dynamo.deleteItem(b -> b.tableName(table).key(key));
            }
        }
        for (LocalResources.Queue queue : resources.queues().values()) {
            backends.sqs().purgeQueue(b -> b.queueUrl(queue.url()));
        }
        for (String bucket : resources.bucketNames().values()) {
            backends.s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                    .forEach(object -> backends.s3().deleteObject(b -> b.bucket(bucket).key(object.key())));
        }
    }

    @Override
    public void close() {
        backends.close();
    }
}
