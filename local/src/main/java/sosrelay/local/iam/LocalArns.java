package sosrelay.local.iam;

import java.net.URI;

/**
 * The ARNs of the local stack's resources, in the local region and account: the same strings the
 * policies expand to and the requests are checked against.
 */
public record LocalArns(String region, String account) {

    public String table(String name) {
        return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
    }

    public String tableIndex(String table, String index) {
        return table(table) + "/index/" + index;
    }

    public String queue(String name) {
        return "arn:aws:sqs:" + region + ":" + account + ":" + name;
    }

    /** {@code http://host/<account>/<name>}, ElasticMQ's and SQS's shape alike. */
    public String queueFromUrl(String url) {
        String[] segments = URI.create(url).getPath().split("/");
        return "arn:aws:sqs:" + region + ":" + segments[segments.length - 2] + ":" + segments[segments.length - 1];
    }

    /** SSM parameter ARNs have no slash after {@code parameter} when the name starts with one. */
    public String parameter(String name) {
        return "arn:aws:ssm:" + region + ":" + account + ":parameter" + (name.startsWith("/") ? name : "/" + name);
    }

    public String topic(String name) {
        return "arn:aws:sns:" + region + ":" + account + ":" + name;
    }

    public String bucket(String name) {
        return "arn:aws:s3:::" + name;
    }

    public String object(String bucket, String key) {
        return bucket(bucket) + "/" + key;
    }

    /** A key id, alias name or ARN as KMS requests carry it. */
    public String key(String keyId) {
        if (keyId.startsWith("arn:")) {
            return keyId;
        }
        return "arn:aws:kms:" + region + ":" + account + ":" + (keyId.startsWith("alias/") ? keyId : "key/" + keyId);
    }
}
