package sosrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Status reports that arrived before their provider id was recorded ({@code pk = PENDING#<id>}): a
 * busy line's callback can beat the worker's own write of the CallSid. Kept for a delivery whose send
 * is under way (or, for GupShup, whose reports name nothing of ours, for any id not recorded yet), and
 * applied by the worker once it records the id: its write of the id fails on a kept report
 * ({@link #noneKept}), so it looks for one only when there is one. A report for an id we never record is
 * never applied, and expires. Of several reports for one id the furthest along is kept: a late "sent" never hides a "read".
 */
public final class PendingReports {
    private static final Duration KEEP_FOR = Duration.ofDays(1);

    /** A kept report: the provider's state word and how it arrived. */
    public record Report(String providerState, String via) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public PendingReports(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** {@code incidentId} may be null when the report does not say (GupShup's). */
    public void keep(String providerId, String incidentId, String providerState, String via) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(TableKeys.pendingReport(providerId));
        String rank = Integer.toString(DeliveryStates.rank(DeliveryStates.normalise(providerState)));
        item.putAll(Map.of(
                "state", AttributeValue.fromS(providerState),
                "via", AttributeValue.fromS(via),
                "stateRank", AttributeValue.fromN(rank),
                "expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP_FOR).getEpochSecond()))));
        if (incidentId != null) {
            item.put("incidentId", AttributeValue.fromS(incidentId));
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR attribute_not_exists(stateRank) OR stateRank < :rank")
                    .expressionAttributeValues(Map.of(":rank", AttributeValue.fromN(rank))));
        } catch (ConditionalCheckFailedException furtherKept) {
            // A report further along is kept already: it is the one to apply.
        }
    }

    /**
     * A condition for the worker's write of the id ({@link DeliveryStore#accepted(DeliveryJob, String, java.time.Instant, TransactWriteItem)}):
     * that no report is kept for it. Written in one transaction with the id, it leaves no gap: a report kept before
     * fails it (the worker then takes the report), and one kept after finds the id when it looks again.
     */
    public TransactWriteItem noneKept(String providerId) {
        return TransactWriteItem.builder().conditionCheck(b -> b.tableName(table).key(TableKeys.pendingReport(providerId))
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    /** Removes and returns the report kept for the id, if any. */
    public Optional<Report> take(String providerId) {
        Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(table)
                .key(TableKeys.pendingReport(providerId))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        if (old == null || old.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Report(old.get("state").s(), old.get("via").s()));
    }
}
