package sosrelay.local.backends;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates the template's tables, queues and buckets in the local backends, as deploying the stack would.
 * Idempotent: what a data directory already holds is kept as is.
 */
public final class TemplateResources {
    private TemplateResources() {
    }

    public static LocalResources create(SamTemplate template, LocalBackends backends) {
        return create(template, backends.dynamoDb(), backends.sqs(), backends::createBucket);
    }

    /** The same in any DynamoDB, SQS and S3 endpoint, LocalStack's for instance. */
    public static LocalResources create(SamTemplate template, DynamoDbClient dynamo, SqsClient sqs, S3Client s3) {
        return create(template, dynamo, sqs, name -> createBucket(s3, name));
    }

    private static LocalResources create(SamTemplate template, DynamoDbClient dynamo, SqsClient sqs, Consumer<String> createBucket) {
        Map<String, String> tableNames = new LinkedHashMap<>();
        template.tables().values().forEach(table -> tableNames.put(table.logicalId(), createTable(dynamo, table)));
        Map<String, LocalResources.Queue> queues = new LinkedHashMap<>();
        for (TemplateQueue queue : deadLetterQueuesFirst(template.queues())) {
            queues.put(queue.logicalId(), createQueue(sqs, queue, queues));
        }
        Map<String, String> bucketNames = new LinkedHashMap<>();
        template.buckets().values().forEach(bucket -> {
            createBucket.accept(bucket.bucketName());
            bucketNames.put(bucket.logicalId(), bucket.bucketName());
        });
        return new LocalResources(tableNames, queues, bucketNames);
    }

    private static void createBucket(S3Client s3, String name) {
        try {
            s3.headBucket(h -> h.bucket(name));
        } catch (NoSuchBucketException e) {
            s3.createBucket(c -> c.bucket(name));
        }
    }

    private static String createTable(DynamoDbClient dynamo, TemplateTable table) {
        if (!exists(dynamo, table.tableName())) {
            dynamo.createTable(create -> {
                create.tableName(table.tableName())
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(keySchema(table.keySchema()))
                        .attributeDefinitions(table.attributeDefinitions().stream()
                                .map(a -> AttributeDefinition.builder().attributeName(a.attributeName()).attributeType(a.type()).build())
                                .toList());
                if (!table.globalSecondaryIndexes().isEmpty()) {
                    create.globalSecondaryIndexes(table.globalSecondaryIndexes().stream().map(TemplateResources::index).toList());
                }
            });
        }
        table.timeToLiveAttribute().ifPresent(attribute -> enableTimeToLive(dynamo, table.tableName(), attribute));
        return table.tableName();
    }

    private static boolean exists(DynamoDbClient dynamo, String tableName) {
        try {
            dynamo.describeTable(d -> d.tableName(tableName));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /** DynamoDB rejects enabling TTL twice, so look first (a restarted data directory has it on). */
    private static void enableTimeToLive(DynamoDbClient dynamo, String tableName, String attribute) {
        TimeToLiveStatus status = dynamo.describeTimeToLive(d -> d.tableName(tableName)).timeToLiveDescription().timeToLiveStatus();
        if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
            dynamo.updateTimeToLive(u -> u.tableName(tableName)
                    .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(true)));
        }
    }

    private static List<KeySchemaElement> keySchema(List<TemplateTable.KeyElement> keys) {
        return keys.stream()
                .map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build())
                .toList();
    }

    private static GlobalSecondaryIndex index(TemplateTable.GlobalSecondaryIndex index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return GlobalSecondaryIndex.builder()
                .indexName(index.indexName())
                .keySchema(keySchema(index.keySchema()))
                .projection(projection.build())
                .build();
    }

    private static LocalResources.Queue createQueue(SqsClient sqs, TemplateQueue queue, Map<String, LocalResources.Queue> created) {
        String url;
        try {
            url = sqs.getQueueUrl(g -> g.queueName(queue.queueName())).queueUrl();
        } catch (QueueDoesNotExistException e) {
            url = sqs.createQueue(c -> c.queueName(queue.queueName()).attributes(attributes(queue, created))).queueUrl();
        }
        String queueUrl = url;
        String arn = sqs.getQueueAttributes(g -> g.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new LocalResources.Queue(queue.logicalId(), queue.queueName(), queueUrl, arn);
    }

    private static Map<QueueAttributeName, String> attributes(TemplateQueue queue, Map<String, LocalResources.Queue> created) {
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        queue.visibilityTimeout().ifPresent(v -> attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(v)));
        queue.delaySeconds().ifPresent(v -> attributes.put(QueueAttributeName.DELAY_SECONDS, Integer.toString(v)));
        queue.messageRetentionPeriod().ifPresent(v -> attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, Integer.toString(v)));
        if (queue.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, Boolean.toString(queue.contentBasedDeduplication()));
        }
        queue.redrive().ifPresent(redrive -> {
            LocalResources.Queue deadLetters = created.get(redrive.deadLetterQueueLogicalId());
            if (deadLetters == null) {
                throw new IllegalArgumentException(queue.logicalId() + ": dead-letter queue "
                        + redrive.deadLetterQueueLogicalId() + " is not a queue in the template");
            }
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetters.arn()
                    + "\",\"maxReceiveCount\":" + redrive.maxReceiveCount() + "}");
        });
        return attributes;
    }

    /** A queue's RedrivePolicy names its DLQ's ARN, so the DLQ must exist first. */
    private static List<TemplateQueue> deadLetterQueuesFirst(Map<String, TemplateQueue> queues) {
        List<TemplateQueue> ordered = new ArrayList<>();
        List<String> visiting = new ArrayList<>();
        queues.keySet().stream().sorted().forEach(id -> visit(id, queues, ordered, visiting));
        return ordered;
    }

    private static void visit(String id, Map<String, TemplateQueue> queues, List<TemplateQueue> ordered, List<String> visiting) {
        TemplateQueue queue = queues.get(id);
        if (queue == null || ordered.contains(queue)) {
            return;
        }
        if (visiting.contains(id)) {
            throw new IllegalArgumentException("redrive cycle through queue " + id);
        }
        visiting.add(id);
        queue.redrive().ifPresent(r -> visit(r.deadLetterQueueLogicalId(), queues, ordered, visiting));
        visiting.remove(id);
        ordered.add(queue);
    }
}
