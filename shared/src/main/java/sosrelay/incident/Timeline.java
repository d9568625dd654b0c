package sosrelay.incident;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What happened to an incident, in order: one item per event under the incident's partition
 * ({@code sk = EVT#<time>#<random>}), written as it happens and never changed, so the API can tell
 * the whole story: who was tried, when, how it went, who acknowledged, which tier was notified.
 */
public final class Timeline {
    /**
     * The sort key's tie-breaker. SecureRandom, not ThreadLocalRandom: SnapStart restores many
     * instances from one snapshot, and a ThreadLocalRandom seeded before the checkpoint gives every
     * one of them the same sequence, so two instances recording for one incident in the same
     * millisecond would write the same key and one event would silently replace the other. The
     * default SecureRandom draws on the OS's entropy on every call, which a snapshot cannot freeze.
     */
    private static final SecureRandom TIE_BREAKER = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public Timeline(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** {@code details}: name, value pairs; nulls are left out. Never throws: a lost line must not lose the work it describes. */
    public void record(String incidentId, String event, Object... details) {
        Instant at = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(TableKeys.incident(incidentId)));
        item.put("sk", AttributeValue.fromS(TableKeys.event(at.toString(), Long.toHexString(TIE_BREAKER.nextLong()))));
        item.put("at", AttributeValue.fromS(at.toString()));
        item.put("event", AttributeValue.fromS(event));
        item.put("expiresAt", IncidentStore.expiresAt(at));
        for (int i = 0; i + 1 < details.length; i += 2) {
            if (details[i + 1] != null) {
                item.put(String.valueOf(details[i]), AttributeValue.fromS(String.valueOf(details[i + 1])));
            }
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item));
        } catch (RuntimeException e) {
            sosrelay.log.Log.warn("timeline.write-failed", "incidentId", incidentId, "event", event, "error", e);
        }
    }

    /** Every event, oldest first, as name/value maps. */
    public List<Map<String, String>> read(String incidentId) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :evt)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.incident(incidentId)),
                                ":evt", AttributeValue.fromS(TableKeys.EVENTS))))
                .items().stream()
                .map(item -> {
                    Map<String, String> event = new LinkedHashMap<>();
                    event.put("at", item.get("at").s());
                    event.put("event", item.get("event").s());
                    item.forEach((k, v) -> {
                        if (!List.of("pk", "sk", "at", "event").contains(k) && v.s() != null) {
                            event.put(k, v.s());
                        }
                    });
                    return event;
                })
                .toList();
    }
}
