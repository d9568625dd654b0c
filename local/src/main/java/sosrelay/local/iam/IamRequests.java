package sosrelay.local.iam;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What IAM checks for an SDK request: the actions it needs and the resources they apply to. The
 * action is generally the service's prefix and the operation's name; the exceptions are IAM's
 * (SQS batches need the single action, DynamoDB transactions need each item's action, an S3 HEAD
 * needs GetObject). Request fields are read by their API names, so any SDK service works without
 * compiling against it.
 */
final class IamRequests {
    /** An action on a resource ARN ({@code *} where the operation has no resource). */
    record Check(String action, String resource) {
    }

    private static final Map<String, String> SQS_BATCHES = Map.of(
            "SendMessageBatch", "SendMessage", "DeleteMessageBatch", "DeleteMessage",
            "ChangeMessageVisibilityBatch", "ChangeMessageVisibility");
    private static final Map<String, String> S3_ACTIONS = Map.of(
            "HeadObject", "GetObject", "ListObjectsV2", "ListBucket", "ListObjects", "ListBucket", "HeadBucket", "ListBucket",
            "GetObjectAttributes", "GetObject", "DeleteObjects", "DeleteObject");
    private static final Map<String, String> TRANSACT_ITEMS = Map.of(
            "Put", "PutItem", "Update", "UpdateItem", "Delete", "DeleteItem", "ConditionCheck", "ConditionCheckItem", "Get", "GetItem");

    private IamRequests() {
    }

    /** {@code service} is the SDK's service name (DynamoDb, Sqs, Ssm, Sns, S3, Kms...), {@code operation} the API's. */
    static List<Check> checks(String service, String operation, SdkPojo request, LocalArns arns) {
        String prefix = service.toLowerCase(Locale.ROOT);
        return switch (prefix) {
            case "dynamodb" -> dynamoDb(operation, request, arns);
            case "sqs" -> List.of(new Check("sqs:" + SQS_BATCHES.getOrDefault(operation, operation),
                    string(request, "QueueUrl").map(arns::queueFromUrl)
                            .or(() -> string(request, "QueueName").map(arns::queue)).orElse("*")));
            case "ssm" -> ssm(operation, request, arns);
            case "sns" -> List.of(new Check("sns:" + (operation.equals("PublishBatch") ? "Publish" : operation),
                    string(request, "TopicArn").orElse("*")));
            case "s3" -> List.of(new Check("s3:" + S3_ACTIONS.getOrDefault(operation, operation), s3Resource(operation, request, arns)));
            case "kms" -> List.of(new Check("kms:" + operation, string(request, "KeyId").map(arns::key).orElse("*")));
            default -> List.of(new Check(prefix + ":" + operation, "*"));
        };
    }

    private static List<Check> dynamoDb(String operation, SdkPojo request, LocalArns arns) {
        List<Check> checks = new ArrayList<>();
        switch (operation) {
            case "BatchGetItem", "BatchWriteItem" -> field(request, "RequestItems").map(items -> ((Map<?, ?>) items).keySet())
                    .orElse(java.util.Set.of())
                    .forEach(table -> checks.add(new Check("dynamodb:" + operation, arns.table(String.valueOf(table)))));
            case "TransactWriteItems", "TransactGetItems" -> field(request, "TransactItems").map(items -> (List<?>) items).orElse(List.of())
                    .forEach(item -> TRANSACT_ITEMS.forEach((member, action) -> field((SdkPojo) item, member)
                            .flatMap(part -> string((SdkPojo) part, "TableName"))
                            .ifPresent(table -> checks.add(new Check("dynamodb:" + action, arns.table(table))))));
            default -> {
                Optional<String> table = string(request, "TableName");
                Optional<String> index = string(request, "IndexName");
                checks.add(new Check("dynamodb:" + operation, table
                        .map(t -> index.map(i -> arns.tableIndex(t, i)).orElse(arns.table(t))).orElse("*")));
            }
        }
        return checks;
    }

    private static List<Check> ssm(String operation, SdkPojo request, LocalArns arns) {
        String action = "ssm:" + operation;
        Optional<Object> names = field(request, "Names");
        if (names.isPresent()) {
            return ((List<?>) names.get()).stream().map(name -> new Check(action, arns.parameter(String.valueOf(name)))).toList();
        }
        return List.of(new Check(action, string(request, "Name").map(IamRequests::withoutSelector)
                .or(() -> string(request, "Path")).map(arns::parameter).orElse("*")));
    }

    /**
     * {@code name:3} (a version) or {@code name:label} is authorized as the parameter itself: the selector is no part of
     * its ARN. A name cannot hold a colon; an ARN keeps its own.
     */
    static String withoutSelector(String name) {
        if (name.startsWith("arn:")) {
            return name;
        }
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static String s3Resource(String operation, SdkPojo request, LocalArns arns) {
        Optional<String> bucket = string(request, "Bucket");
        if (bucket.isEmpty()) {
            return "*";
        }
        if (operation.equals("DeleteObjects")) {
            return arns.object(bucket.get(), "*");
        }
        return string(request, "Key").map(key -> arns.object(bucket.get(), key)).orElse(arns.bucket(bucket.get()));
    }

    private static Optional<String> string(SdkPojo pojo, String member) {
        return field(pojo, member).map(String::valueOf);
    }

    private static Optional<Object> field(SdkPojo pojo, String member) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.memberName().equals(member)) {
                return Optional.ofNullable(field.getValueOrDefault(pojo));
            }
        }
        return Optional.empty();
    }
}
