package sosrelay.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Where an incident stands: {@code open -> acknowledged -> resolved} (or {@code open -> unanswered}
 * when every round of its tiers ended short; acknowledgements still count after that), the tier
 * notified last and in which round, who acknowledged (one {@code ACK#<person>} item each, so a
 * repeated keypress counts once) and who declined ({@code DECLINE#<person>}); and which call worker's batch reports
 * the incident's first ring ({@code firstRingBy}, see {@link #firstWave}). Every change is a
 * conditional write: callbacks and timers arrive twice and out of order, and none may move an
 * incident backwards. A step (the next tier, or the unanswered end) is recorded before anyone is told of it, so it
 * carries {@code unnotifiedSince} until {@link #notified} clears it: a step that keeps it has lost its notifier.
 */
public final class IncidentProgress {
    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String RESOLVED = "resolved";
    public static final String UNANSWERED = "unanswered";
    /** The call worker's batch that reports the incident's first ring (see {@link #firstWave}). */
    private static final String FIRST_RING_BY = "firstRingBy";

    /**
     * The incident's status, the last tier notified (0 is the first), the round it was notified in (0 is the first) and,
     * while the step it last moved to (a tier, or the unanswered end) is not yet notified, since when (else null).
     */
    public record State(String status, int activeTier, int round, Instant unnotifiedSince) {
        public State(String status, int activeTier) {
            this(status, activeTier, 0);
        }

        public State(String status, int activeTier, int round) {
            this(status, activeTier, round, null);
        }

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
                .projectionExpression("#s, activeTier, #r, unnotifiedSince").expressionAttributeNames(Map.of("#s", "status", "#r", "round")));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        return Optional.of(new State(item.get("status").s(),
                item.containsKey("activeTier") ? Integer.parseInt(item.get("activeTier").n()) : 0,
                item.containsKey("round") ? Integer.parseInt(item.get("round").n()) : 0,
                item.containsKey("unnotifiedSince") ? Instant.parse(item.get("unnotifiedSince").s()) : null));
    }

    /**
     * For a call worker's batch about to ring the incident's first wave, in one request: whether the incident was
     * resolved (a first attempt is wanted unless it was; one that can't be found is rung all the same), and whether
     * {@code batch} is the first to ask, which then reports the incident's first ring (TimeToFirstRing). The first
     * to ask is recorded on the incident ({@code firstRingBy}); see {@link #firstRingNotReported}.
     */
    public FirstWave firstWave(String incidentId, String batch) {
        try {
            Map<String, AttributeValue> now = dynamo.updateItem(b -> b.tableName(table)
                    .key(IncidentStore.key(incidentId, IncidentStore.INCIDENT_SK))
                    .updateExpression("SET " + FIRST_RING_BY + " = if_not_exists(" + FIRST_RING_BY + ", :batch)")
                    .conditionExpression("attribute_exists(pk) AND #s <> :resolved")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":batch", AttributeValue.fromS(batch), ":resolved", AttributeValue.fromS(RESOLVED)))
                    .returnValues(ReturnValue.UPDATED_NEW)).attributes();
            AttributeValue by = now == null ? null : now.get(FIRST_RING_BY);
            return new FirstWave(false, by != null && batch.equals(by.s()));
        } catch (ConditionalCheckFailedException resolvedOrUnknown) {
            return new FirstWave(state(incidentId).map(state -> RESOLVED.equals(state.status())).orElse(false), false);
        }
    }

    /** What {@link #firstWave} found: whether the incident was resolved, and whether the batch reports its first ring. */
    public record FirstWave(boolean resolved, boolean reportsFirstRing) {
    }

    /** The batch that was to report the first ring placed no call of the incident: the next batch to ask reports it. */
    public void firstRingNotReported(String incidentId, String batch) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(IncidentStore.key(incidentId, IncidentStore.INCIDENT_SK))
                    .updateExpression("REMOVE " + FIRST_RING_BY).conditionExpression(FIRST_RING_BY + " = :batch")
                    .expressionAttributeValues(Map.of(":batch", AttributeValue.fromS(batch))));
        } catch (ConditionalCheckFailedException notOurs) {
            // another batch reports it
        }
    }

    /** Records the tier as notified, once: false when another worker moved it first. */
    public boolean advanceTier(String incidentId, int from, int to) {
        return advance(incidentId, from, 0, to, 0);
    }

    /**
     * Records tier {@code toTier} of round {@code toRound} as active, not yet notified, once: false when another worker
     * moved it first.
     */
    public boolean advance(String incidentId, int fromTier, int fromRound, int toTier, int toRound) {
        return update(incidentId, "SET activeTier = :to, #r = :toRound, escalatedAt = :at, unnotifiedSince = :at",
                "#s = :open AND " + atStep(fromTier, fromRound),
                Map.of(":to", number(toTier), ":tier", number(fromTier), ":toRound", number(toRound), ":round", number(fromRound),
                        ":open", AttributeValue.fromS(OPEN)));
    }

    /** open -> unanswered, after the last round, its operators not yet told; false when it was not open (acknowledged or resolved meanwhile). */
    public boolean unanswered(String incidentId) {
        return update(incidentId, "SET #s = :unanswered, unansweredAt = :at, unnotifiedSince = :at", "#s = :open",
                Map.of(":unanswered", AttributeValue.fromS(UNANSWERED), ":open", AttributeValue.fromS(OPEN)));
    }

    /**
     * Takes over the notifying of the step {@code seen} shows not notified, its notifier gone: false when it changed
     * meanwhile (notified, moved on, acknowledged, or taken over by another). The step's {@code unnotifiedSince} becomes
     * now, so a taker that dies in turn is noticed the same way.
     */
    public boolean takeOver(String incidentId, State seen) {
        return update(incidentId, "SET unnotifiedSince = :at", "#s = :status AND unnotifiedSince = :since AND " + atStep(seen.activeTier(), seen.round()),
                Map.of(":status", AttributeValue.fromS(seen.status()), ":since", AttributeValue.fromS(seen.unnotifiedSince().toString()),
                        ":tier", number(seen.activeTier()), ":round", number(seen.round())));
    }

    /** Tier {@code tier} of round {@code round} (or the unanswered end after it) has been notified: the step is done. */
    public void notified(String incidentId, int tier, int round) {
        update(incidentId, "REMOVE unnotifiedSince", atStep(tier, round), Map.of(":tier", number(tier), ":round", number(round)));
    }

    /** The incident's active step is tier {@code :tier} of round {@code :round} (neither is written before the first advance). */
    private static String atStep(int tier, int round) {
        return (tier == 0 ? "(attribute_not_exists(activeTier) OR activeTier = :tier)" : "activeTier = :tier") + " AND "
                + (round == 0 ? "(attribute_not_exists(#r) OR #r = :round)" : "#r = :round");
    }

    /** open or unanswered -> acknowledged; false when it was neither. */
    public boolean acknowledge(String incidentId) {
        return update(incidentId, "SET #s = :ack, acknowledgedAt = :at", "#s IN (:open, :unanswered)",
                Map.of(":ack", AttributeValue.fromS(ACKNOWLEDGED), ":open", AttributeValue.fromS(OPEN),
                        ":unanswered", AttributeValue.fromS(UNANSWERED)));
    }

    /** open or acknowledged -> resolved; false when it was already resolved (or never existed). */
    public boolean resolve(String incidentId) {
        return update(incidentId, "SET #s = :resolved, resolvedAt = :at", "attribute_exists(pk) AND #s <> :resolved",
                Map.of(":resolved", AttributeValue.fromS(RESOLVED)));
    }

    /** True the first time this person acknowledges this incident. */
    public boolean recordAcknowledgement(String incidentId, String personId, String via) {
        return recordAnswer(TableKeys.ACKNOWLEDGEMENTS, incidentId, personId, via);
    }

    /** True the first time this person declines ("I cannot come") this incident. */
    public boolean recordDecline(String incidentId, String personId, String via) {
        return recordAnswer(TableKeys.DECLINES, incidentId, personId, via);
    }

    /** Who has acknowledged, in the order they did. */
    public Set<String> acknowledgers(String incidentId) {
        return answered(TableKeys.ACKNOWLEDGEMENTS, incidentId);
    }

    /** Who has declined, in the order they did. */
    public Set<String> decliners(String incidentId) {
        return answered(TableKeys.DECLINES, incidentId);
    }

    private boolean recordAnswer(String prefix, String incidentId, String personId, String via) {
        try {
            dynamo.putItem(b -> b.tableName(table).conditionExpression("attribute_not_exists(pk)").item(Map.of(
                    "pk", AttributeValue.fromS(TableKeys.incident(incidentId)),
                    "sk", AttributeValue.fromS(prefix + personId),
                    "personId", AttributeValue.fromS(personId),
                    "via", AttributeValue.fromS(via),
                    "at", AttributeValue.fromS(clock.instant().toString()),
                    "expiresAt", IncidentStore.expiresAt(clock.instant()))));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    private Set<String> answered(String prefix, String incidentId) {
        java.util.List<Map<String, AttributeValue>> items = new java.util.ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.incident(incidentId)),
                                ":prefix", AttributeValue.fromS(prefix))))
                .items().forEach(items::add);
        items.sort(java.util.Comparator.comparing(item -> item.get("at").s()));
        Set<String> people = new LinkedHashSet<>();
        items.forEach(item -> people.add(item.get("personId").s()));
        return people;
    }

    private boolean update(String incidentId, String expression, String condition, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new java.util.HashMap<>(values);
        if (expression.contains(":at")) {
            all.put(":at", AttributeValue.fromS(clock.instant().toString()));
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(IncidentStore.key(incidentId, IncidentStore.INCIDENT_SK))
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(names(expression + condition)).expressionAttributeValues(all));
            return true;
        } catch (ConditionalCheckFailedException notNow) {
            return false;
        }
    }

    private static Map<String, String> names(String expressions) {
        Map<String, String> names = new java.util.HashMap<>();
        if (expressions.contains("#s")) {
            names.put("#s", "status");
        }
        if (expressions.contains("#r")) {
            names.put("#r", "round");
        }
        return names;
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
