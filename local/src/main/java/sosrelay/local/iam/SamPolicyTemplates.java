package sosrelay.local.iam;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * SAM's policy templates, expanded as aws-sam-translator's policy_templates.json defines them (the
 * ones this project uses or is about to). To support another: copy its actions and resource shapes
 * from that file into one more entry here.
 */
final class SamPolicyTemplates {
    /** A template's parameters (TableName, QueueName...), resolved to their local values. */
    @FunctionalInterface
    interface Parameters {
        String get(String name);
    }

    private static final List<String> DYNAMODB_READ = List.of(
            "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:DescribeTable");
    private static final List<String> DYNAMODB_WRITE = List.of(
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem");
    private static final List<String> DYNAMODB_CRUD = List.of(
            "dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan", "dynamodb:Query",
            "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem", "dynamodb:DescribeTable",
            "dynamodb:ConditionCheckItem");
    private static final List<String> SQS_POLLER = List.of(
            "sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage",
            "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage");
    private static final List<String> SSM_READ = List.of("ssm:GetParameters", "ssm:GetParameter", "ssm:GetParametersByPath");
    private static final List<String> S3_READ = List.of(
            "s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:GetLifecycleConfiguration");
    private static final List<String> S3_WRITE = List.of("s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration");
    private static final List<String> S3_CRUD = List.of(
            "s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl",
            "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration", "s3:DeleteObject");

    private static final Map<String, BiFunction<Parameters, LocalArns, List<PolicyStatement>>> TEMPLATES = Map.ofEntries(
            Map.entry("DynamoDBReadPolicy", table(DYNAMODB_READ)),
            Map.entry("DynamoDBWritePolicy", table(DYNAMODB_WRITE)),
            Map.entry("DynamoDBCrudPolicy", table(DYNAMODB_CRUD)),
            Map.entry("SQSSendMessagePolicy", one("QueueName", List.of("sqs:SendMessage*"), LocalArns::queue)),
            Map.entry("SQSPollerPolicy", one("QueueName", SQS_POLLER, LocalArns::queue)),
            Map.entry("SSMParameterReadPolicy", ssm(LocalArns::parameter)),
            // The name already starts with "/": parameter${parameterName}.
            Map.entry("SSMParameterWithSlashPrefixReadPolicy", ssm(LocalArns::parameter)),
            Map.entry("SNSPublishMessagePolicy", one("TopicName", List.of("sns:Publish"), LocalArns::topic)),
            Map.entry("S3ReadPolicy", bucket(S3_READ)),
            Map.entry("S3WritePolicy", bucket(S3_WRITE)),
            Map.entry("S3CrudPolicy", bucket(S3_CRUD)),
            Map.entry("CloudWatchPutMetricPolicy", (p, arns) -> List.of(PolicyStatement.allow(List.of("cloudwatch:PutMetricData"), "*"))),
            Map.entry("KMSDecryptPolicy", one("KeyId", List.of("kms:Decrypt"), LocalArns::key)),
            Map.entry("KMSEncryptPolicy", one("KeyId", List.of("kms:Encrypt"), LocalArns::key)));

    private SamPolicyTemplates() {
    }

    static Optional<List<PolicyStatement>> expand(String templateName, Parameters parameters, LocalArns arns) {
        return Optional.ofNullable(TEMPLATES.get(templateName)).map(expansion -> expansion.apply(parameters, arns));
    }

    static List<String> known() {
        return TEMPLATES.keySet().stream().sorted().toList();
    }

    /** The table and its indexes. */
    private static BiFunction<Parameters, LocalArns, List<PolicyStatement>> table(List<String> actions) {
        return (p, arns) -> {
            String table = p.get("TableName");
            return List.of(PolicyStatement.allow(actions, List.of(arns.table(table), arns.tableIndex(table, "*"))));
        };
    }

    /** The bucket (for listing) and every object in it. */
    private static BiFunction<Parameters, LocalArns, List<PolicyStatement>> bucket(List<String> actions) {
        return (p, arns) -> {
            String bucket = p.get("BucketName");
            return List.of(PolicyStatement.allow(actions, List.of(arns.bucket(bucket), arns.object(bucket, "*"))));
        };
    }

    /** SAM's SSM read templates also allow ssm:DescribeParameters on every parameter. */
    private static BiFunction<Parameters, LocalArns, List<PolicyStatement>> ssm(BiFunction<LocalArns, String, String> arn) {
        return (p, arns) -> List.of(
                PolicyStatement.allow(List.of("ssm:DescribeParameters"), "*"),
                PolicyStatement.allow(SSM_READ, arn.apply(arns, p.get("ParameterName"))));
    }

    private static BiFunction<Parameters, LocalArns, List<PolicyStatement>> one(String parameter, List<String> actions,
                                                                                 BiFunction<LocalArns, String, String> arn) {
        return (p, arns) -> List.of(PolicyStatement.allow(actions, arn.apply(arns, p.get(parameter))));
    }
}
