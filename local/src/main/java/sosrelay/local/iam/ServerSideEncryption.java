package sosrelay.local.iam;

import sosrelay.local.backends.FunctionEnvironment;
import sosrelay.local.backends.SamTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KMS key behind each queue, topic and bucket the template encrypts with a customer managed key,
 * and the key permissions AWS asks of the caller's role on top of the service action: SQS and SNS
 * senders need GenerateDataKey and Decrypt, SQS receivers Decrypt; S3 needs GenerateDataKey to put
 * an object and Decrypt to get one (a HEAD is checked as a get, as IAM checks its s3:GetObject). An AWS managed key
 * ({@code alias/aws/...}) is usable by every principal of the account, so it asks nothing. Tables
 * are left out: DynamoDB uses its key through its own grant.
 */
public final class ServerSideEncryption {
    private static final List<String> SENDER = List.of("kms:GenerateDataKey", "kms:Decrypt");
    private static final List<String> READER = List.of("kms:Decrypt");
    /** The service action (as IamRequests names it) to the key actions it adds on an encrypted resource. */
    private static final Map<String, List<String>> KEY_ACTIONS = Map.of(
            "sqs:SendMessage", SENDER, "sqs:ReceiveMessage", READER, "sns:Publish", SENDER,
            "s3:PutObject", List.of("kms:GenerateDataKey"), "s3:GetObject", READER);

    /** Resource ARN (queue, topic, bucket) to key ARN. */
    private final Map<String, String> keys;

    ServerSideEncryption(Map<String, String> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** The encrypted resources of a template, their keys resolved as the policies' are. */
    public static ServerSideEncryption of(SamTemplate template, FunctionEnvironment environment, LocalArns arns) {
        PolicyValues values = new PolicyValues(template, environment, arns);
        Map<String, String> keys = new LinkedHashMap<>();
        for (String logicalId : template.rawResourceIds()) {
            Map<String, Object> resource = template.rawResource(logicalId);
            Map<String, Object> properties = map(resource.get("Properties"));
            String where = logicalId + ".Properties";
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::SQS::Queue" -> key(values, properties.get("KmsMasterKeyId"), where + ".KmsMasterKeyId")
                        .ifPresent(key -> keys.put(arns.queue(logicalId), key));
                case "AWS::SNS::Topic" -> key(values, properties.get("KmsMasterKeyId"), where + ".KmsMasterKeyId")
                        .ifPresent(key -> keys.put(values.require(Map.of("Ref", logicalId), logicalId), key));
                case "AWS::S3::Bucket" -> {
                    for (Object rule : list(map(properties.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"))) {
                        Map<String, Object> byDefault = map(map(rule).get("ServerSideEncryptionByDefault"));
                        if (String.valueOf(byDefault.get("SSEAlgorithm")).startsWith("aws:kms")) {
                            String bucket = arns.bucket(values.require(Map.of("Ref", logicalId), logicalId));
                            // With no key named, S3 uses the AWS managed aws/s3 key.
                            key(values, byDefault.get("KMSMasterKeyID"), where + ".BucketEncryption").ifPresent(key -> keys.put(bucket, key));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new ServerSideEncryption(keys);
    }

    /** The key checks one service check adds: none when the resource is not encrypted with a customer managed key. */
    List<IamRequests.Check> keyChecks(IamRequests.Check check) {
        List<String> actions = KEY_ACTIONS.get(check.action());
        if (actions == null) {
            return List.of();
        }
        String resource = check.resource();
        // An object ARN (arn:aws:s3:::bucket/key) is encrypted with its bucket's key.
        String owner = resource.startsWith("arn:aws:s3:::") && resource.indexOf('/') > 0 ? resource.substring(0, resource.indexOf('/')) : resource;
        String key = keys.get(owner);
        if (key == null) {
            return List.of();
        }
        List<IamRequests.Check> checks = new ArrayList<>();
        actions.forEach(action -> checks.add(new IamRequests.Check(action, key)));
        return checks;
    }

    /** The key's ARN; empty for no key or an AWS managed one. */
    private static Optional<String> key(PolicyValues values, Object keyId, String where) {
        if (keyId == null) {
            return Optional.empty();
        }
        String resolved = values.require(keyId, where);
        if (resolved.startsWith("alias/aws/") || resolved.contains(":alias/aws/")) {
            return Optional.empty();
        }
        return Optional.of(values.arns().key(resolved));
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
