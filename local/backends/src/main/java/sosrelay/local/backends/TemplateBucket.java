package sosrelay.local.backends;

/**
 * An {@code AWS::S3::Bucket}. {@code bucketName} is its {@code BucketName}, else its logical id in lower
 * case (CloudFormation would add the stack's name and a suffix; the local stack has one stack).
 */
public record TemplateBucket(String logicalId, String bucketName) {
}
