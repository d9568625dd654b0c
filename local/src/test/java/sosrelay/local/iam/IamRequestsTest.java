package sosrelay.local.iam;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IamRequestsTest {
    private static final LocalArns ARNS = new LocalArns("ap-south-1", "000000000000");
    private static final String TABLE = "arn:aws:dynamodb:ap-south-1:000000000000:table/";

    @Test
    void anSqsBatchNeedsTheSingleActionOnTheQueueItsUrlNames() {
        assertThat(IamRequests.checks("Sqs", "SendMessageBatch",
                SendMessageBatchRequest.builder().queueUrl("http://localhost:9324/000000000000/CallJobsQueue").build(), ARNS))
                .containsExactly(new IamRequests.Check("sqs:SendMessage", "arn:aws:sqs:ap-south-1:000000000000:CallJobsQueue"));
    }

    @Test
    void aDynamoDbTransactionNeedsEachItemsActionOnItsTable() {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("a"));
        TransactWriteItemsRequest request = TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("incidents").item(key)).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("directory").key(key).conditionExpression("x")).build()).build();

        assertThat(IamRequests.checks("DynamoDb", "TransactWriteItems", request, ARNS)).containsExactlyInAnyOrder(
                new IamRequests.Check("dynamodb:PutItem", TABLE + "incidents"),
                new IamRequests.Check("dynamodb:ConditionCheckItem", TABLE + "directory"));
    }

    @Test
    void dynamoDbQueriesOnAnIndexAndBatchesNameWhatTheyRead() {
        assertThat(IamRequests.checks("DynamoDb", "Query", QueryRequest.builder().tableName("incidents").indexName("byPerson").build(), ARNS))
                .containsExactly(new IamRequests.Check("dynamodb:Query", TABLE + "incidents/index/byPerson"));
        assertThat(IamRequests.checks("DynamoDb", "BatchGetItem", BatchGetItemRequest.builder().requestItems(Map.of(
                "directory", KeysAndAttributes.builder().keys(Map.of("id", AttributeValue.fromS("p1"))).build())).build(), ARNS))
                .containsExactly(new IamRequests.Check("dynamodb:BatchGetItem", TABLE + "directory"));
    }

    @Test
    void ssmParametersAreNamedWithOrWithoutTheirLeadingSlash() {
        assertThat(IamRequests.checks("Ssm", "GetParameter", GetParameterRequest.builder().name("/sos-relay/exotel-api-token").build(), ARNS))
                .containsExactly(new IamRequests.Check("ssm:GetParameter", "arn:aws:ssm:ap-south-1:000000000000:parameter/sos-relay/exotel-api-token"));
        assertThat(IamRequests.checks("Ssm", "GetParameters", GetParametersRequest.builder().names("a", "/b").build(), ARNS))
                .containsExactly(new IamRequests.Check("ssm:GetParameters", "arn:aws:ssm:ap-south-1:000000000000:parameter/a"),
                        new IamRequests.Check("ssm:GetParameters", "arn:aws:ssm:ap-south-1:000000000000:parameter/b"));
    }

    @Test
    void aVersionSelectorIsAuthorizedAsTheParameterItself() {
        assertThat(IamRequests.checks("Ssm", "GetParameter", GetParameterRequest.builder().name("/sos-relay/webhook-secret:3").build(), ARNS))
                .containsExactly(new IamRequests.Check("ssm:GetParameter", "arn:aws:ssm:ap-south-1:000000000000:parameter/sos-relay/webhook-secret"));
        assertThat(IamRequests.withoutSelector("/a/b:label")).isEqualTo("/a/b");
        assertThat(IamRequests.withoutSelector("arn:aws:ssm:ap-south-1:000000000000:parameter/a")).startsWith("arn:aws:ssm:");
    }
}
