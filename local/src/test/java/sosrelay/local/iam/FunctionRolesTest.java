package sosrelay.local.iam;

import org.junit.jupiter.api.Test;
import sosrelay.local.backends.FunctionEnvironment;
import sosrelay.local.backends.LocalResources;
import sosrelay.local.backends.SamTemplate;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionRolesTest {
    private static final LocalArns ARNS = new LocalArns("ap-south-1", "000000000000");
    private static final String TABLE = "arn:aws:dynamodb:ap-south-1:000000000000:table/items";
    private static final String WORK = "arn:aws:sqs:ap-south-1:000000000000:WorkQueue";
    private static final String OTHER = "arn:aws:sqs:ap-south-1:000000000000:OtherQueue";
    private static final LocalResources RESOURCES = new LocalResources(
            Map.of("ItemsTable", "items"),
            Map.of("WorkQueue", new LocalResources.Queue("WorkQueue", "WorkQueue", "http://q/000000000000/WorkQueue", WORK),
                    "OtherQueue", new LocalResources.Queue("OtherQueue", "OtherQueue", "http://q/000000000000/OtherQueue", OTHER)),
            Map.of());

    private static final String HEADER = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              TokenParameterName:
                Type: String
                Default: app/token
            Resources:
              ItemsTable:
                Type: AWS::DynamoDB::Table
              WorkQueue:
                Type: AWS::SQS::Queue
              OtherQueue:
                Type: AWS::SQS::Queue
              Alerts:
                Type: AWS::SNS::Topic
              Recordings:
                Type: AWS::S3::Bucket
              SecretsKey:
                Type: AWS::KMS::Key
            """;

    private static RolePolicy role(String functionYaml) {
        SamTemplate template = SamTemplate.parse(HEADER + functionYaml);
        FunctionEnvironment environment = new FunctionEnvironment(template, RESOURCES, URI.create("http://d"), URI.create("http://q"), URI.create("http://s"));
        return FunctionRoles.of(template, environment, ARNS).get("Fn");
    }

    private static String function(String properties) {
        return """
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                """ + properties.indent(6);
    }

    @Test
    void dynamoDbTemplatesGrantTheirActionsOnTheTableAndItsIndexesOnly() {
        RolePolicy read = role(function("""
                Policies:
                  - DynamoDBReadPolicy:
                      TableName: !Ref ItemsTable
                """));

        assertThat(read.allows("dynamodb:GetItem", TABLE)).isTrue();
        assertThat(read.allows("dynamodb:Query", TABLE + "/index/byPerson")).isTrue();
        assertThat(read.allows("dynamodb:PutItem", TABLE)).isFalse();
        assertThat(read.allows("dynamodb:GetItem", "arn:aws:dynamodb:ap-south-1:000000000000:table/itemsX")).isFalse();

        RolePolicy crud = role(function("""
                Policies:
                  - DynamoDBCrudPolicy:
                      TableName: !Ref ItemsTable
                """));
        assertThat(crud.allows("dynamodb:DeleteItem", TABLE)).isTrue();
        assertThat(crud.allows("dynamodb:ConditionCheckItem", TABLE)).isTrue();

        RolePolicy write = role(function("""
                Policies:
                  - DynamoDBWritePolicy:
                      TableName: !Ref ItemsTable
                """));
        assertThat(write.allows("dynamodb:UpdateItem", TABLE)).isTrue();
        assertThat(write.allows("dynamodb:DeleteItem", TABLE)).isFalse();
        assertThat(write.allows("dynamodb:GetItem", TABLE)).isFalse();
    }

    @Test
    void sqsTemplatesGrantOnTheNamedQueueOnly() {
        RolePolicy role = role(function("""
                Policies:
                  - SQSSendMessagePolicy:
                      QueueName: !GetAtt WorkQueue.QueueName
                  - SQSPollerPolicy:
                      QueueName: !GetAtt OtherQueue.QueueName
                """));

        assertThat(role.allows("sqs:SendMessage", WORK)).isTrue();
        assertThat(role.allows("sqs:sendmessage", WORK)).as("IAM actions are case-insensitive").isTrue();
        assertThat(role.allows("sqs:SendMessage", OTHER)).isFalse();
        assertThat(role.allows("sqs:ChangeMessageVisibility", OTHER)).isTrue();
        assertThat(role.allows("sqs:ChangeMessageVisibility", WORK)).isFalse();
        assertThat(role.allows("sqs:PurgeQueue", OTHER)).isFalse();
    }

    @Test
    void ssmSnsS3AndKmsTemplatesResolveToTheLocalArns() {
        RolePolicy role = role(function("""
                Policies:
                  - SSMParameterReadPolicy:
                      ParameterName: !Ref TokenParameterName
                  - SNSPublishMessagePolicy:
                      TopicName: !GetAtt Alerts.TopicName
                  - S3ReadPolicy:
                      BucketName: !Ref Recordings
                  - KMSDecryptPolicy:
                      KeyId: !Ref SecretsKey
                  - CloudWatchPutMetricPolicy: {}
                """));

        assertThat(role.allows("ssm:GetParameter", "arn:aws:ssm:ap-south-1:000000000000:parameter/app/token")).isTrue();
        assertThat(role.allows("ssm:GetParameter", "arn:aws:ssm:ap-south-1:000000000000:parameter/app/other")).isFalse();
        assertThat(role.allows("ssm:DescribeParameters", "*")).as("SAM's template includes it").isTrue();
        assertThat(role.allows("sns:Publish", "arn:aws:sns:ap-south-1:000000000000:Alerts")).isTrue();
        assertThat(role.allows("s3:GetObject", "arn:aws:s3:::recordings/incidents/a.mp3")).isTrue();
        assertThat(role.allows("s3:ListBucket", "arn:aws:s3:::recordings")).isTrue();
        assertThat(role.allows("s3:PutObject", "arn:aws:s3:::recordings/x")).isFalse();
        assertThat(role.allows("kms:Decrypt", "arn:aws:kms:ap-south-1:000000000000:key/SecretsKey")).isTrue();
        assertThat(role.allows("kms:Encrypt", "arn:aws:kms:ap-south-1:000000000000:key/SecretsKey")).isFalse();
        assertThat(role.allows("cloudwatch:PutMetricData", "*")).isTrue();
    }

    @Test
    void inlineStatementsResolveTheirResourcesAndAnExplicitDenyWins() {
        RolePolicy role = role(function("""
                Policies:
                  - Statement:
                      - Effect: Allow
                        Action: [dynamodb:GetItem, dynamodb:PutItem]
                        Resource: !Sub arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${ItemsTable}
                      - Effect: Allow
                        Action: sqs:SendMessage
                        Resource: !GetAtt WorkQueue.Arn
                      - Effect: Deny
                        Action: dynamodb:PutItem
                        Resource: '*'
                """));

        assertThat(role.allows("dynamodb:GetItem", TABLE)).isTrue();
        assertThat(role.allows("dynamodb:PutItem", TABLE)).isFalse();
        assertThat(role.allows("sqs:SendMessage", WORK)).isTrue();
    }

    @Test
    void samAddsTheSqsExecutionPolicyAndTheDeadLetterAndDestinationGrants() {
        RolePolicy role = role(function("""
                DeadLetterQueue:
                  Type: SQS
                  TargetArn: !GetAtt OtherQueue.Arn
                EventInvokeConfig:
                  DestinationConfig:
                    OnFailure:
                      Type: SNS
                      Destination: !Ref Alerts
                Events:
                  Work:
                    Type: SQS
                    Properties:
                      Queue: !GetAtt WorkQueue.Arn
                """));

        assertThat(role.allows("sqs:ReceiveMessage", WORK)).isTrue();
        assertThat(role.allows("sqs:DeleteMessage", WORK)).isTrue();
        assertThat(role.allows("sqs:ChangeMessageVisibility", WORK)).as("not in AWSLambdaSQSQueueExecutionRole").isFalse();
        assertThat(role.allows("sqs:SendMessage", OTHER)).isTrue();
        assertThat(role.allows("sqs:SendMessage", WORK)).isFalse();
        assertThat(role.allows("sns:Publish", "arn:aws:sns:ap-south-1:000000000000:Alerts")).isTrue();
        assertThat(role.allows("logs:PutLogEvents", "*")).isTrue();
    }

    @Test
    void aFunctionWithoutPoliciesMayOnlyLog() {
        RolePolicy role = role(function(""));

        assertThat(role.allows("dynamodb:GetItem", TABLE)).isFalse();
        assertThat(role.principal()).isEqualTo("arn:aws:sts::000000000000:assumed-role/FnRole/Fn");
    }

    @Test
    void aPolicyTheLocalStackCannotExpandStopsTheStartNamingIt() {
        assertThatThrownBy(() -> role(function("""
                Policies:
                  - DynamoDBStreamReadPolicy:
                      TableName: !Ref ItemsTable
                      StreamName: x
                """))).hasMessageContaining("Fn.Policies.DynamoDBStreamReadPolicy").hasMessageContaining("DynamoDBCrudPolicy");
        assertThatThrownBy(() -> role(function("""
                Policies:
                  - SQSSendMessagePolicy:
                      QueueName: !GetAtt NoSuchQueue.QueueName
                """))).hasMessageContaining("Fn.Policies.SQSSendMessagePolicy.QueueName");
    }
}
