package sosrelay.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * One provider account's rate, shared by every Lambda instance: the generic cell rate algorithm on a
 * single DynamoDB item holding the theoretical arrival time ({@code tat}). Reserving is one atomic
 * update: an idle bucket gives "now"; a busy one moves {@code tat} on by one interval and gives
 * {@code old tat - burst tolerance}, so up to {@code burst} requests go at once and the rest follow
 * evenly spaced, with no read and no retry loop. Over any minute at most {@code burst + perMinute}
 * go out. A provider's Retry-After pushes every slot back past it.
 */
public final class SharedRatePacer implements Pacer {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<String, AttributeValue> key;
    private final long intervalMillis;
    private final long toleranceMillis;
    private final Clock clock;

    public SharedRatePacer(DynamoDbClient dynamo, String table, String name, int perMinute, int burst, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.key = Map.of("pk", AttributeValue.fromS("RATE#" + name), "sk", AttributeValue.fromS("RATE"));
        this.intervalMillis = Math.max(1, 60_000L / perMinute);
        this.toleranceMillis = (Math.max(1, burst) - 1) * intervalMillis;
        this.clock = clock;
    }

    @Override
    public Instant reserve() {
        while (true) {
            long now = clock.millis();
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET tat = :next")
                        .conditionExpression("attribute_not_exists(tat) OR tat <= :now")
                        .expressionAttributeValues(Map.of(":next", number(now + intervalMillis), ":now", number(now))));
                return Instant.ofEpochMilli(now);
            } catch (ConditionalCheckFailedException busy) {
                try {
                    Map<String, AttributeValue> old = dynamo.updateItem(b -> b.tableName(table).key(key)
                            .updateExpression("SET tat = tat + :interval").conditionExpression("tat > :now")
                            .expressionAttributeValues(Map.of(":interval", number(intervalMillis), ":now", number(now)))
                            .returnValues(ReturnValue.UPDATED_OLD)).attributes();
                    return Instant.ofEpochMilli(Math.max(now, Long.parseLong(old.get("tat").n()) - toleranceMillis));
                } catch (ConditionalCheckFailedException freedMeanwhile) {
                    // the bucket went idle between the two updates: start again
                }
            }
        }
    }

    @Override
    public void pushBack(Duration wait) {
        // +1: millis truncates; "not before" must round up.
        long until = clock.millis() + 1 + wait.toMillis() + toleranceMillis;
        try {
            dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET tat = :until")
                    .conditionExpression("attribute_not_exists(tat) OR tat < :until")
                    .expressionAttributeValues(Map.of(":until", number(until))));
        } catch (ConditionalCheckFailedException alreadyLater) {
            // someone reserved past that point already
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
