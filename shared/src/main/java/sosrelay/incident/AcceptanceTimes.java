package sosrelay.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * When a provider first and last took one of an incident's deliveries. Each delivery item carries its own (its first
 * acceptance, and its latest), written with the acceptance itself; the incident's are the earliest and the latest of
 * them, so workers racing each other and redelivered jobs can't move either back, and no worker writes the incident
 * item for it. Incidents from before that carry theirs on the incident item ({@code firstAcceptedAt},
 * {@code lastAcceptedAt}, epoch millis), which are still counted.
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

        /** These times with the deliveries' own: the earlier first, the later last (either may be null). */
        public Times including(Instant first, Instant last) {
            return new Times(createdAt, earlier(firstAcceptedAt, first), later(lastAcceptedAt, last));
        }

        private Duration since(Instant accepted) {
            return createdAt == null || accepted == null ? null : Duration.between(createdAt, accepted);
        }

        private static Instant earlier(Instant a, Instant b) {
            return a == null ? b : b == null || a.isBefore(b) ? a : b;
        }

        private static Instant later(Instant a, Instant b) {
            return a == null ? b : b == null || a.isAfter(b) ? a : b;
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public AcceptanceTimes(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The incident's {@code createdAt}, and the acceptances recorded on its item (older incidents); see {@link Times#including}. */
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
