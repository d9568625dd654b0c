package sosrelay.local.iam;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;
import sosrelay.local.backends.FunctionEnvironment;
import sosrelay.local.backends.LocalResources;
import sosrelay.local.backends.SamTemplate;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerSideEncryptionTest {
    private static final LocalArns ARNS = new LocalArns("ap-south-1", "000000000000");
    private static final String KEY = "arn:aws:kms:ap-south-1:000000000000:key/DataKey";
    private static final String SEALED_URL = "http://q/000000000000/SealedQueue";
    private static final String PLAIN_URL = "http://q/000000000000/PlainQueue";
    private static final LocalResources RESOURCES = new LocalResources(Map.of(),
            Map.of("SealedQueue", new LocalResources.Queue("SealedQueue", "SealedQueue", SEALED_URL, ARNS.queue("SealedQueue")),
                    "PlainQueue", new LocalResources.Queue("PlainQueue", "PlainQueue", PLAIN_URL, ARNS.queue("PlainQueue")),
                    "ManagedQueue", new LocalResources.Queue("ManagedQueue", "ManagedQueue", "http://q/000000000000/ManagedQueue",
                            ARNS.queue("ManagedQueue"))),
            Map.of("Recordings", "recordings"));

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              DataKey:
                Type: AWS::KMS::Key
              SealedQueue:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: !Ref DataKey
              ManagedQueue:
                Type: AWS::SQS::Queue
                Properties:
                  KmsMasterKeyId: alias/aws/sqs
              PlainQueue:
                Type: AWS::SQS::Queue
              Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: !Ref DataKey
              Recordings:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: recordings
                  BucketEncryption:
                    ServerSideEncryptionConfiguration:
                      - ServerSideEncryptionByDefault:
                          SSEAlgorithm: aws:kms
                          KMSMasterKeyID: !GetAtt DataKey.Arn
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: x.Y::handleRequest
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: [sqs:SendMessage, sqs:ReceiveMessage, sns:Publish, s3:PutObject, s3:GetObject]
                          Resource: '*'
            """;

    private static RoleEnforcement enforcement(String keyStatement, AccessDenials denials) {
        SamTemplate template = SamTemplate.parse(TEMPLATE + keyStatement);
        FunctionEnvironment environment = new FunctionEnvironment(template, RESOURCES, URI.create("http://d"), URI.create("http://q"), URI.create("http://s"));
        return new RoleEnforcement(FunctionRoles.of(template, environment, ARNS).get("Fn"),
                ServerSideEncryption.of(template, environment, ARNS), denials, new GrantedRequests());
    }

    private static final String DECRYPT_ONLY = """
                        - Effect: Allow
                          Action: kms:Decrypt
                          Resource: !GetAtt DataKey.Arn
            """;
    private static final String GENERATE_ONLY = """
                        - Effect: Allow
                          Action: kms:GenerateDataKey
                          Resource: !GetAtt DataKey.Arn
            """;
    private static final String BOTH = """
                        - Effect: Allow
                          Action: [kms:GenerateDataKey, kms:Decrypt]
                          Resource: !GetAtt DataKey.Arn
            """;

    @Test
    void sendingToAQueueEncryptedWithOurKeyNeedsGenerateDataKeyAndDecryptOnIt() {
        AccessDenials denials = new AccessDenials();
        RoleEnforcement generateOnly = enforcement(GENERATE_ONLY, denials);

        assertThatThrownBy(() -> generateOnly.check("Sqs", "SendMessage", SendMessageRequest.builder().queueUrl(SEALED_URL).build()))
                .isInstanceOf(SqsException.class).hasMessageContaining("kms:Decrypt on resource: " + KEY);
        assertThatThrownBy(() -> enforcement(DECRYPT_ONLY, denials).check("Sqs", "SendMessageBatch",
                SendMessageBatchRequest.builder().queueUrl(SEALED_URL).build()))
                .hasMessageContaining("kms:GenerateDataKey on resource: " + KEY);
        assertThat(denials.all()).extracting(AccessDenial::action).containsExactly("kms:Decrypt", "kms:GenerateDataKey");

        assertThatCode(() -> enforcement(BOTH, denials).check("Sqs", "SendMessage", SendMessageRequest.builder().queueUrl(SEALED_URL).build()))
                .doesNotThrowAnyException();
    }

    @Test
    void receivingNeedsDecryptOnly() {
        ReceiveMessageRequest receive = ReceiveMessageRequest.builder().queueUrl(SEALED_URL).build();
        assertThatThrownBy(() -> enforcement(GENERATE_ONLY, new AccessDenials()).check("Sqs", "ReceiveMessage", receive))
                .hasMessageContaining("kms:Decrypt");
        assertThatCode(() -> enforcement(DECRYPT_ONLY, new AccessDenials()).check("Sqs", "ReceiveMessage", receive))
                .doesNotThrowAnyException();
    }

    @Test
    void aPlainQueueOrOneUnderTheAwsManagedKeyNeedsNoKeyPermission() {
        RoleEnforcement noKey = enforcement("", new AccessDenials());
        for (String url : new String[]{PLAIN_URL, "http://q/000000000000/ManagedQueue"}) {
            assertThatCode(() -> noKey.check("Sqs", "SendMessage", SendMessageRequest.builder().queueUrl(url).build()))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void publishingToAnEncryptedTopicNeedsBoth() {
        SamTemplate template = SamTemplate.parse(TEMPLATE);
        ServerSideEncryption encryption = ServerSideEncryption.of(template,
                new FunctionEnvironment(template, RESOURCES, URI.create("http://d"), URI.create("http://q"), URI.create("http://s")), ARNS);

        assertThat(encryption.keyChecks(new IamRequests.Check("sns:Publish", ARNS.topic("Alerts")))).containsExactly(
                new IamRequests.Check("kms:GenerateDataKey", KEY), new IamRequests.Check("kms:Decrypt", KEY));
    }

    @Test
    void anSseKmsBucketNeedsGenerateDataKeyToPutAndDecryptToGet() {
        SdkRequest put = PutObjectRequest.builder().bucket("recordings").key("recordings/a/b.wav").build();
        SdkRequest get = GetObjectRequest.builder().bucket("recordings").key("recordings/a/b.wav").build();
        RoleEnforcement decryptOnly = enforcement(DECRYPT_ONLY, new AccessDenials());
        RoleEnforcement generateOnly = enforcement(GENERATE_ONLY, new AccessDenials());

        assertThatThrownBy(() -> decryptOnly.check("S3", "PutObject", put)).isInstanceOf(S3Exception.class)
                .hasMessageContaining("kms:GenerateDataKey");
        assertThatCode(() -> generateOnly.check("S3", "PutObject", put)).doesNotThrowAnyException();
        assertThatThrownBy(() -> generateOnly.check("S3", "GetObject", get)).hasMessageContaining("kms:Decrypt");
        assertThatCode(() -> decryptOnly.check("S3", "GetObject", get)).doesNotThrowAnyException();
    }
}
