package sosrelay.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * When a provider first and last took one of an incident's deliveries, on the incident item:
 * {@code firstAcceptedAt} is written once, {@code lastAcceptedAt} only ever moves forward, so
 * workers racing each other and redelivered jobs can't move either back. Both are epoch millis
 * (numbers) because the condition compares them; ISO text of varying precision does not sort.
 */
public final class AcceptanceTimes {

    /** From the trigger (the incident's {@code createdAt}) to the first and the last acceptance; absent ones are null. */
    public record Times(Instant createdAt, Instant firstAcceptedAt, Instant lastAcceptedAt) {
        public Duration toFirstAcceptance() {
            return since(firstAcceptedAt);
        }

        public Duration toLastAcceptance() {
            return since(lastAcceptedAt);
        }

        private Duration since(Instant accepted) {
            return createdAt == null || accepted == null ? null : Duration.between(createdAt, accepted);
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public AcceptanceTimes(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Records an acceptance at {@code at}; true when it was the incident's first. An unknown incident records nothing. */
    public boolean record(String incidentId, Instant at) {
        try {
            Map<String, AttributeValue> old = dynamo.updateItem(b -> b.tableName(table)
                    .key(IncidentStore.key(incidentId, IncidentStore.INCIDENT_SK))
                    .updateExpression("SET firstAcceptedAt = if_not_exists(firstAcceptedAt, :at), lastAcceptedAt = :at")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(lastAcceptedAt) OR lastAcceptedAt < :at)")
                    .expressionAttributeValues(Map.of(":at", IncidentStore.number(at.toEpochMilli())))
                    .returnValues(ReturnValue.UPDATED_OLD)).attributes();
            return old == null || !old.containsKey("firstAcceptedAt");
        } catch (ConditionalCheckFailedException laterOrUnknown) {
            // A later acceptance is already recorded (so this was not the first), or there is no such incident.
            return false;
        }
    }

    public Optional<Times> read(String incidentId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(IncidentStore.key(incidentId, IncidentStore.INCIDENT_SK))
                .projectionExpression("createdAt, firstAcceptedAt, lastAcceptedAt")).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue createdAt = item.get("createdAt");
        return Optional.of(new Times(createdAt == null ? null : Instant.parse(createdAt.s()),
                millis(item.get("firstAcceptedAt")), millis(item.get("lastAcceptedAt"))));
    }

    private static Instant millis(AttributeValue value) {
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }
}
