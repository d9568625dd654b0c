package sosrelay.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Limits on what one caller may make us do, held in the table with conditional writes so they hold however many
 * Lambda instances race: at most {@code limit} in each clock hour (an operator's test calls and drills, a device key's
 * raises), or once in a while (a test call to one person). A refused turn changes nothing else.
 */
public final class Quotas {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public Quotas(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** Takes one of {@code subject}'s {@code limit} turns of this clock hour; false when they are spent. */
    public boolean takeHourly(String subject, int limit) {
        Instant now = clock.instant();
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.hourlyCount(subject, HOUR.format(now)))
                    .updateExpression("ADD #n :one SET expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(#n) OR #n < :limit")
                    .expressionAttributeNames(Map.of("#n", "count"))
                    .expressionAttributeValues(Map.of(":one", number(1), ":limit", number(limit),
                            ":expires", number(now.plus(Duration.ofDays(1)).getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException spent) {
            return false;
        }
    }

    /** {@code subject} acts now and not again for {@code gap}; false (and nothing changed) while an earlier gap runs. */
    public boolean takeOnceIn(String subject, Duration gap) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.quietUntil(subject));
        item.put("until", number(now.plus(gap).toEpochMilli()));
        item.put("expiresAt", number(now.plus(gap).plus(Duration.ofDays(1)).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #until <= :now")
                    .expressionAttributeNames(Map.of("#until", "until"))
                    .expressionAttributeValues(Map.of(":now", number(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException tooSoon) {
            return false;
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
