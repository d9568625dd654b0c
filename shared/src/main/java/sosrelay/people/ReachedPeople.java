package sosrelay.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * When each person last acknowledged something (an alert, a drill, a test call): proof that their number
 * reaches them. Someone imported but never heard from is "unverified" on the board. One item, one attribute
 * per person ({@code at#<person>}, epoch ms), so the board reads everyone in one GetItem.
 */
public final class ReachedPeople {
    private static final String PREFIX = "at#";
    /** Kept a year after the last answer: a number nobody has answered for a year is unverified again. */
    private static final Duration KEEP = Duration.ofDays(365);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public ReachedPeople(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public void answered(String personId) {
        Instant now = clock.instant();
        dynamo.updateItem(b -> b.tableName(table).key(TableKeys.reachedPeople())
                .updateExpression("SET #at = :at, expiresAt = :expires")
                .expressionAttributeNames(Map.of("#at", PREFIX + personId))
                .expressionAttributeValues(Map.of(
                        ":at", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                        ":expires", AttributeValue.fromN(Long.toString(now.plus(KEEP).getEpochSecond())))));
    }

    /** Person id to when they last answered; someone absent never has. */
    public Map<String, Instant> all() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(TableKeys.reachedPeople()).consistentRead(true)).item();
        Map<String, Instant> reached = new LinkedHashMap<>();
        if (item != null) {
            item.forEach((name, value) -> {
                if (name.startsWith(PREFIX) && value.n() != null) {
                    reached.put(name.substring(PREFIX.length()), Instant.ofEpochMilli(Long.parseLong(value.n())));
                }
            });
        }
        return reached;
    }
}
