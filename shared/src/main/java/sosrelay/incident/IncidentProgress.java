package sosrelay.incident;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Where an incident stands: {@code open -> acknowledged -> resolved}, the tier notified last, and
 * who acknowledged (one {@code ACK#<person>} item each, so a repeated keypress counts once). Every
 * change is a conditional write: callbacks and timers arrive twice and out of order, and none may
 * move an incident backwards.
 */
public final class IncidentProgress {
    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String RESOLVED = "resolved";

    /** The incident's status and the last tier notified (0 is the first). */
    public record State(String status, int activeTier) {
        public boolean open() {
            return OPEN.equals(status);
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public IncidentProgress(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public Optional<State> state(String incidentId) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(IncidentStore.key(incidentId, IncidentStore.INCIDENT_SK))
                .projectionExpression("#s, activeTier").expressionAttributeNames(Map.of("#s", "status")));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new State(item.get("status").s(),
                item.containsKey("activeTier") ? Integer.parseInt(item.get("activeTier").n()) : 0));
    }

    /** Records the tier as notified, once: false when another worker moved it first. */
    public boolean advanceTier(String incidentId, int from, int to) {
        return update(incidentId, "SET activeTier = :to, escalatedAt = :at",
                "#s = :open AND (attribute_not_exists(activeTier) OR activeTier = :from)",
                Map.of(":to", number(to), ":from", number(from), ":open", AttributeValue.fromS(OPEN)));
    }

    /** open -> acknowledged; false when it was not open. */
    public boolean acknowledge(String incidentId) {
        return update(incidentId, "SET #s = :ack, acknowledgedAt = :at", "#s = :open",
                Map.of(":ack", AttributeValue.fromS(ACKNOWLEDGED), ":open", AttributeValue.fromS(OPEN)));
    }

    /** open or acknowledged -> resolved; false when it was already resolved (or never existed). */
    public boolean resolve(String incidentId) {
        return update(incidentId, "SET #s = :resolved, resolvedAt = :at", "attribute_exists(pk) AND #s <> :resolved",
                Map.of(":resolved", AttributeValue.fromS(RESOLVED)));
    }

    /** True the first time this person acknowledges this incident. */
    public boolean recordAcknowledgement(String incidentId, String personId, String via) {
        try {
            dynamo.putItem(b -> b.tableName(table).conditionExpression("attribute_not_exists(pk)").item(Map.of(
                    "pk", AttributeValue.fromS("INC#" + incidentId),
                    "sk", AttributeValue.fromS("ACK#" + personId),
                    "personId", AttributeValue.fromS(personId),
                    "via", AttributeValue.fromS(via),
                    "at", AttributeValue.fromS(clock.instant().toString()),
                    "expiresAt", IncidentStore.expiresAt(clock.instant()))));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    /** Who has acknowledged, in no particular order. */
    public Set<String> acknowledgers(String incidentId) {
        Set<String> people = new LinkedHashSet<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :ack)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("INC#" + incidentId),
                                ":ack", AttributeValue.fromS("ACK#"))))
                .items().forEach(item -> people.add(item.get("personId").s()));
        return people;
    }

    private boolean update(String incidentId, String expression, String condition, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new java.util.HashMap<>(values);
        all.put(":at", AttributeValue.fromS(clock.instant().toString()));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(IncidentStore.key(incidentId, IncidentStore.INCIDENT_SK))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(all));
            return true;
        } catch (ConditionalCheckFailedException notNow) {
            return false;
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
