package sosrelay.heartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A heartbeat source's item ({@code BEAT#<source>} / {@code BEAT}): when it last beat, and when we began to
 * watch a source that has never beaten (so a panel wired wrong from day one is noticed too). It lapses
 * ({@code expiresAt}) a month after its last beat, so a source taken out of the directory leaves nothing behind.
 */
public final class HeartbeatStore {
    private static final Duration KEEP_FOR = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public HeartbeatStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Records a beat; an older one arriving late leaves the newer in place. */
    public void beat(String source, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.heartbeat(source))
                    .updateExpression("SET lastBeatAt = :at, expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(lastBeatAt) OR lastBeatAt < :at")
                    .expressionAttributeValues(Map.of(":at", number(at.toEpochMilli()),
                            ":expires", number(at.plus(KEEP_FOR).getEpochSecond()))));
        } catch (ConditionalCheckFailedException newerAlready) {
            // A later beat is already recorded.
        }
    }

    /**
     * Since when the source has been silent: its last beat, or for one never heard from, the first time anyone
     * asked ({@code now}, remembered so that the silence counts from then).
     */
    public Instant silentSince(String source, Instant now) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(TableKeys.heartbeat(source)).consistentRead(true))
                .item();
        if (item.containsKey("lastBeatAt")) {
            return Instant.ofEpochMilli(Long.parseLong(item.get("lastBeatAt").n()));
        }
        if (item.containsKey("watchingSince")) {
            return Instant.ofEpochMilli(Long.parseLong(item.get("watchingSince").n()));
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(TableKeys.heartbeat(source))
                    .updateExpression("SET watchingSince = :now, expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(pk)")
                    .expressionAttributeValues(Map.of(":now", number(now.toEpochMilli()),
                            ":expires", number(now.plus(KEEP_FOR).getEpochSecond()))));
            return now;
        } catch (ConditionalCheckFailedException beatOrWatchedMeanwhile) {
            return silentSince(source, now);
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
