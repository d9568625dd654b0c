package sosrelay.local.backends;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

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

    /** Puts each body on the queue, as a function that dispatches would. */
    public void send(String logicalId, List<String> bodies) {
        String url = resources.requireQueue(logicalId).url();
        for (int from = 0; from < bodies.size(); from += SqsBatches.MAX_MESSAGES) {
            List<String> chunk = bodies.subList(from, Math.min(bodies.size(), from + SqsBatches.MAX_MESSAGES));
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(chunk.get(i)).build());
            }
            backends.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        }
    }

    /**
     * The next {@code size} messages of the queue as one event, as the event source mapping hands a function a
     * batch: received, not deleted, so what the function does not finish comes back.
     */
    public SQSEvent batch(String logicalId, int size) {
        LocalResources.Queue queue = resources.requireQueue(logicalId);
        List<Message> messages = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (messages.size() < size) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(logicalId + " held " + messages.size() + " of the " + size + " messages wanted");
            }
            messages.addAll(SqsBatches.receive(backends.sqs(), queue.url(), size - messages.size(), 1));
        }
        return SqsBatches.event(messages, queue.arn());
    }

    /**
     * Hands everything visible on the queue to {@code function} a batch at a time, as the event source mapping
     * would, and deletes each batch it finished. A job it reports failed is an error here: a test pumps to see each
     * step happen, not to retry. Returns how many messages ran.
     */
    public int pump(String logicalId, Function<SQSEvent, SQSBatchResponse> function) {
        LocalResources.Queue queue = resources.requireQueue(logicalId);
        int ran = 0;
        while (true) {
            List<Message> messages = SqsBatches.receive(backends.sqs(), queue.url(), SqsBatches.MAX_MESSAGES, 0);
            if (messages.isEmpty()) {
                return ran;
            }
            SQSBatchResponse response = function.apply(SqsBatches.event(messages, queue.arn()));
            if (!response.getBatchItemFailures().isEmpty()) {
                throw new IllegalStateException("the function failed jobs from " + logicalId + ": " + response.getBatchItemFailures());
            }
            SqsBatches.delete(backends.sqs(), queue.url(), messages);
            ran += messages.size();
        }
    }

    /** Every message now visible on the queue, received and deleted. */
    public List<String> drainQueue(String logicalId) {
        List<String> bodies = new ArrayList<>();
        pump(logicalId, event -> {
            event.getRecords().forEach(message -> bodies.add(message.getBody()));
            return new SQSBatchResponse(List.of());
        });
        return bodies;
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
