package sosrelay.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The cap on a device key's open incidents: {@code limit} slot items per key ({@code pk = KEY#<key id>},
 * {@code sk = SLOT#<n>}), each held by one incident. A slot is taken with a conditional put, so the cap
 * holds however many requests race; it is given back when the incident is acknowledged or resolved, and
 * lapses by itself after {@code holdFor}, so a device whose incidents nobody closed is not locked out
 * forever (a panel stuck in a loop still raises at most {@code limit} per {@code holdFor}).
 */
public final class OpenIncidentSlots {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final int limit;
    private final Duration holdFor;

    public OpenIncidentSlots(DynamoDbClient dynamo, String table, Clock clock, int limit, Duration holdFor) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.limit = limit;
        this.holdFor = holdFor;
    }

    public int limit() {
        return limit;
    }

    public Duration holdFor() {
        return holdFor;
    }

    /** A slot for the incident (the one it already holds, for a repeat), or false when all are held by others. */
    public boolean take(String keyId, String incidentId) {
        Instant now = clock.instant();
        Set<Integer> held = new HashSet<>();
        for (Map<String, AttributeValue> slot : slots(keyId)) {
            if (Long.parseLong(slot.get("until").n()) > now.toEpochMilli()) {
                if (slot.get("incidentId").s().equals(incidentId)) {
                    return true;
                }
                held.add(Integer.parseInt(slot.get("sk").s().substring(TableKeys.SLOTS.length())));
            }
        }
        for (int n = 0; n < limit; n++) {
            if (!held.contains(n) && tryTake(keyId, n, incidentId, now)) {
                return true;
            }
        }
        return false;
    }

    /** Gives back the incident's slot, if it holds one. */
    public void release(String keyId, String incidentId) {
        for (Map<String, AttributeValue> slot : slots(keyId)) {
            if (slot.get("incidentId").s().equals(incidentId)) {
                try {
                    dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", slot.get("pk"), "sk", slot.get("sk")))
                            .conditionExpression("incidentId = :id")
                            .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(incidentId))));
                } catch (ConditionalCheckFailedException takenMeanwhile) {
                    // The slot had lapsed and another incident holds it now.
                }
            }
        }
    }

    private boolean tryTake(String keyId, int n, String incidentId, Instant now) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "pk", AttributeValue.fromS(TableKeys.keySlots(keyId)),
                            "sk", AttributeValue.fromS(TableKeys.slot(n)),
                            "incidentId", AttributeValue.fromS(incidentId),
                            "until", number(now.plus(holdFor).toEpochMilli()),
                            "expiresAt", number(now.plus(holdFor).plus(Duration.ofDays(1)).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(pk) OR #until < :now")
                    .expressionAttributeNames(Map.of("#until", "until"))
                    .expressionAttributeValues(Map.of(":now", number(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException heldByAnother) {
            return false;
        }
    }

    private List<Map<String, AttributeValue>> slots(String keyId) {
        return dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :slot)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.keySlots(keyId)), ":slot", AttributeValue.fromS(TableKeys.SLOTS))))
                .items();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
