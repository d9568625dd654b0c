package sosrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sosrelay.incident.IncidentStore;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One item per incident, person and channel ({@code sk = DEL#<person>#<channel>}) that records
 * where its delivery stands, and the claim that makes each attempt go out once.
 *
 * <p>A worker claims an attempt before calling the provider. A claim that expires without an
 * outcome (the worker died mid-call) may be taken again: a missed call is worse than a duplicate.
 * An attempt the provider accepted, or refused for good, is never claimed again, so SQS
 * redelivery and repeated webhooks can't ring anyone twice for the same attempt.
 *
 * <p>An attempt whose request may have reached the provider without an answer (a timeout, or a claim that
 * expired mid-request) is unsure since the moment that request began; whoever claims it next is told so,
 * and asks the provider before sending again.
 */
public final class DeliveryStore {
    private static final Duration KEEP_FOR = Duration.ofDays(180);
    /** When the provider first took any attempt of the delivery, and took its latest (epoch millis). */
    private static final String FIRST_ACCEPTED = "firstAcceptedAt";
    private static final String LAST_ACCEPTED = "acceptedAt";

    /** What a claim found. */
    public sealed interface Claim {
        /**
         * Ours: send now. {@code unsureSince} is non-null when an earlier request for this attempt may have been taken;
         * {@code unansweredLookups}: how often the provider could not yet say whether it was.
         */
        record Granted(Instant unsureSince, int unansweredLookups, Set<String> askedProviders) implements Claim {
            public Granted(Instant unsureSince, int unansweredLookups) {
                this(unsureSince, unansweredLookups, Set.of());
            }
        }

        /** This attempt already has an outcome: nothing to send. */
        record AlreadyDone(String state) implements Claim {
        }

        /** Another worker holds a live claim: look again after it would have expired. */
        record HeldElsewhere(Duration remaining) implements Claim {
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration claimFor;

    public DeliveryStore(DynamoDbClient dynamo, String table, Clock clock, Duration claimFor) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.claimFor = claimFor;
    }

    public static String sortKey(String personId, String channel) {
        return TableKeys.delivery(personId, channel);
    }

    private static final String CLAIM = "SET #state = :claimed, stateRank = :zero, claimUntil = :until, claimedAt = :now, attempt = :attempt,"
            + " incidentId = :incident, personId = :person, channel = :channel, updatedAt = :at, expiresAt = :expires"
            + " REMOVE unsureSince, unansweredLookups, unsureProviders";
    /** A new attempt, or this one given back cleanly: no earlier request of it can have reached the provider. */
    private static final String CLEAN = "attribute_not_exists(pk) OR attempt < :attempt"
            + " OR (attempt = :attempt AND #state = :claimed AND claimUntil = :zero AND attribute_not_exists(unsureSince))";

    /**
     * Claims the attempt on its own (one UpdateItem), and says whether an earlier request of it may have reached the
     * provider; see {@link #claimWithSend} for the usual way.
     */
    public Claim claim(DeliveryJob job) {
        Instant now = clock.instant();
        try {
            Map<String, AttributeValue> before = dynamo.updateItem(b -> b.tableName(table).key(key(job))
                    .updateExpression(CLAIM)
                    .conditionExpression("attribute_not_exists(pk) OR attempt < :attempt"
                            + " OR (attempt = :attempt AND #state = :claimed AND claimUntil < :now)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(claimValues(job, now))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            Instant unsureSince = unsureSince(before, job);
            return new Claim.Granted(unsureSince, unsureSince == null || !before.containsKey("unansweredLookups") ? 0
                    : Integer.parseInt(before.get("unansweredLookups").n()),
                    // Known only while given back unsure; a claim that ran out may have asked any provider.
                    unsureSince == null || !before.containsKey("unsureSince") || !before.containsKey("unsureProviders") ? Set.of()
                            : Set.copyOf(before.get("unsureProviders").ss()));
        } catch (ConditionalCheckFailedException taken) {
            return whyNot(job, now, null);
        }
    }

    /**
     * The claim as a write to go in one transaction with the provider budget's send ({@code Pacing.admit}): granted
     * only for a clean attempt (new, or given back with no request unanswered), so that the transaction, which returns
     * nothing on success, needs to tell nothing more. Anything else fails its condition and is told by {@link #refused}.
     */
    public TransactWriteItem claimWithSend(DeliveryJob job) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(job))
                .updateExpression(CLAIM).conditionExpression(CLEAN)
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(claimValues(job, clock.instant()))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }

    /**
     * Why {@link #claimWithSend} was refused, from the item it found ({@code found}; read again when empty): the attempt
     * is done, or held by a live claim; or empty when it is for {@link #claim} alone to take (a claim that ran out, a
     * request left unanswered: whoever takes it must know since when a call may exist).
     */
    public Optional<Claim> refused(DeliveryJob job, Map<String, AttributeValue> found) {
        Instant now = clock.instant();
        Claim why = whyNot(job, now, found == null || found.isEmpty() ? null : found);
        if (why instanceof Claim.HeldElsewhere held && held.remaining().isZero()) {
            return Optional.empty();
        }
        return Optional.ofNullable(why);
    }

    private Map<String, AttributeValue> claimValues(DeliveryJob job, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":claimed", AttributeValue.fromS(DeliveryStates.CLAIMED));
        values.put(":zero", number(0));
        values.put(":until", number(now.plus(claimFor).toEpochMilli()));
        values.put(":now", number(now.toEpochMilli()));
        values.put(":attempt", number(job.attempt()));
        values.put(":incident", AttributeValue.fromS(job.incidentId()));
        values.put(":person", AttributeValue.fromS(job.personId()));
        values.put(":channel", AttributeValue.fromS(job.channel().id()));
        values.put(":at", AttributeValue.fromS(now.toString()));
        values.put(":expires", number(now.plus(KEEP_FOR).getEpochSecond()));
        return values;
    }

    /** When this attempt's earliest request that may have reached the provider began, or null when none may have. */
    private static Instant unsureSince(Map<String, AttributeValue> before, DeliveryJob job) {
        if (before == null || !before.containsKey("attempt") || Long.parseLong(before.get("attempt").n()) != job.attempt()) {
            return null;
        }
        if (before.containsKey("unsureSince")) {
            return Instant.ofEpochMilli(Long.parseLong(before.get("unsureSince").n()));
        }
        AttributeValue claimUntil = before.get("claimUntil");
        boolean releasedCleanly = claimUntil == null || "0".equals(claimUntil.n());
        // A claim that ran out was held by a worker that stopped mid-request: its request may have gone out.
        return releasedCleanly || !before.containsKey("claimedAt") ? null : Instant.ofEpochMilli(Long.parseLong(before.get("claimedAt").n()));
    }

    /**
     * Why a claim failed, from {@code item} (read consistently when null): done, or held by a live claim (zero remaining:
     * one that has run out, or an unsure attempt given back). Null when there is no item at all.
     */
    private Claim whyNot(DeliveryJob job, Instant now, Map<String, AttributeValue> item) {
        if (item == null) {
            GetItemResponse current = dynamo.getItem(b -> b.tableName(table).key(key(job)).consistentRead(true));
            item = current.item();
            if (item == null || item.isEmpty()) {
                return null;
            }
        }
        String state = item.get("state").s();
        long attempt = Long.parseLong(item.get("attempt").n());
        if (attempt > job.attempt() || !DeliveryStates.CLAIMED.equals(state)) {
            return new Claim.AlreadyDone(state);
        }
        long until = item.containsKey("claimUntil") ? Long.parseLong(item.get("claimUntil").n()) : 0;
        return new Claim.HeldElsewhere(Duration.ofMillis(Math.max(0, until - now.toEpochMilli())));
    }

    /** Every delivery of the incident so far (one Query: they share the incident's partition). */
    public List<DeliveryStatus> forIncident(String incidentId) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :deliveries)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.incident(incidentId)),
                                ":deliveries", AttributeValue.fromS(TableKeys.DELIVERIES))))
                .items().stream()
                .map(item -> new DeliveryStatus(s(item, "personId"), s(item, "channel"), s(item, "state"),
                        Integer.parseInt(item.get("attempt").n()), s(item, "providerId"), s(item, "error"), s(item, "updatedAt"),
                        millis(item.get(FIRST_ACCEPTED)), millis(item.get(LAST_ACCEPTED))))
                .toList();
    }

    private static Instant millis(AttributeValue value) {
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /**
     * The provider took the attempt: recorded on the delivery, with when ({@code firstAcceptedAt} kept from its first
     * acceptance, {@code acceptedAt} this one's: an incident's first and last acceptance are read from its deliveries), and
     * under the provider's id, so that its status callbacks, which may carry nothing else, find their way back.
     */
    public void accepted(DeliveryJob job, String providerId) {
        accepted(job, providerId, clock.instant(), null);
    }

    /**
     * As {@link #accepted(DeliveryJob, String)}, taken {@code at}, in one {@code TransactWriteItems} with {@code noReportKept} (a
     * {@link PendingReports#noneKept} check), so that the provider id is recorded at the moment no early report is kept
     * for it. False when none was: a report that comes later finds the id. True when one may be: apply it.
     */
    public boolean accepted(DeliveryJob job, String providerId, Instant acceptedAt, TransactWriteItem noReportKept) {
        long at = acceptedAt.toEpochMilli();
        Update settle = settleUpdate(job, DeliveryStates.ACCEPTED, "providerId", providerId,
                ", " + FIRST_ACCEPTED + " = if_not_exists(" + FIRST_ACCEPTED + ", :accepted), " + LAST_ACCEPTED + " = :accepted",
                Map.of(":accepted", number(at)));
        Map<String, AttributeValue> placed = new HashMap<>(TableKeys.provider(providerId));
        placed.putAll(Map.of(
                "incidentId", AttributeValue.fromS(job.incidentId()),
                "personId", AttributeValue.fromS(job.personId()),
                "channel", AttributeValue.fromS(job.channel().id()),
                "attempt", number(job.attempt()),
                "acceptedAt", number(at),
                "expiresAt", number(clock.instant().plus(KEEP_FOR).getEpochSecond())));
        List<TransactWriteItem> items = new ArrayList<>(List.of(TransactWriteItem.builder().update(settle).build(),
                TransactWriteItem.builder().put(b -> b.tableName(table).item(placed)).build()));
        if (noReportKept != null) {
            items.add(noReportKept);
        }
        for (int tries = 0; tries < 3; tries++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(items));
                return noReportKept == null;
            } catch (TransactionCanceledException cancelled) {
                boolean conflict = cancelled.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                boolean conditionFailed = cancelled.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
                if (conditionFailed || !conflict) {
                    break;
                }
            }
        }
        // A report is kept for the id, or a later attempt owns the delivery, or the items stayed busy: written one by one,
        // as before the transaction, and the caller looks for a kept report.
        update(settle);
        dynamo.putItem(b -> b.tableName(table).item(placed));
        return true;
    }

    /** The delivery attempt a provider id (an Exotel CallSid or SmsSid) was given to. */
    public java.util.Optional<DeliveryRef> byProviderId(String providerId) {
        return placed(providerId).map(Placed::ref);
    }

    /** An attempt a provider took, and when it took it. */
    public record Placed(DeliveryRef ref, Instant acceptedAt) {
    }

    /** As {@link #byProviderId}, with when the provider took it (see {@link PlacedCalls}). */
    public java.util.Optional<Placed> placed(String providerId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(TableKeys.provider(providerId))).item();
        if (item == null || item.isEmpty()) {
            return java.util.Optional.empty();
        }
        // Items written before acceptedAt was kept: their expiry was set KEEP_FOR after acceptance (to the second).
        Instant acceptedAt = item.get("acceptedAt") != null ? Instant.ofEpochMilli(Long.parseLong(item.get("acceptedAt").n()))
                : Instant.ofEpochSecond(Long.parseLong(item.get("expiresAt").n())).minus(KEEP_FOR);
        return java.util.Optional.of(new Placed(new DeliveryRef(s(item, "incidentId"), s(item, "personId"), s(item, "channel"),
                Integer.parseInt(item.get("attempt").n())), acceptedAt));
    }

    /** A delivery as it stands: its current attempt, state, and the provider id that attempt was given, if any. */
    public record Current(DeliveryRef ref, String state, String providerId) {
    }

    /**
     * The delivery Exotel's {@code CustomField} ({@code <incidentId>:<personId>}, see
     * {@link DeliveryJob#customField()}) names on {@code channel}, read consistently; empty when it names none.
     */
    public java.util.Optional<Current> byCustomField(String customField, String channel) {
        int colon = customField == null ? -1 : customField.indexOf(':');
        if (colon <= 0 || colon == customField.length() - 1 || customField.length() > 128) {
            return java.util.Optional.empty();
        }
        String incidentId = customField.substring(0, colon);
        String personId = customField.substring(colon + 1);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(IncidentStore.key(incidentId, sortKey(personId, channel)))).item();
        if (item == null || item.isEmpty() || item.get("attempt") == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Current(new DeliveryRef(incidentId, personId, channel, Integer.parseInt(item.get("attempt").n())),
                s(item, "state"), s(item, "providerId")));
    }

    /**
     * Moves the attempt to {@code state} (already normalised) unless it is already there or further
     * along, or a later attempt owns the delivery. True when this call changed it.
     */
    public boolean progress(DeliveryRef ref, String state, String detail) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":state", AttributeValue.fromS(state));
        values.put(":rank", number(DeliveryStates.rank(state)));
        values.put(":attempt", number(ref.attempt()));
        values.put(":at", AttributeValue.fromS(clock.instant().toString()));
        values.put(":detail", AttributeValue.fromS(detail == null ? "" : detail));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(IncidentStore.key(ref.incidentId(), sortKey(ref.personId(), ref.channel())))
                    .updateExpression("SET #state = :state, stateRank = :rank, updatedAt = :at, detail = :detail")
                    .conditionExpression("attempt = :attempt AND stateRank < :rank")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException staleOrRepeated) {
            return false;
        }
    }

    /** The attempt's current state, read consistently, or null when the delivery has moved to another attempt. */
    public String stateOf(DeliveryRef ref) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(IncidentStore.key(ref.incidentId(), sortKey(ref.personId(), ref.channel())))).item();
        if (item == null || item.isEmpty() || Integer.parseInt(item.get("attempt").n()) != ref.attempt()) {
            return null;
        }
        return s(item, "state");
    }


    public void failed(DeliveryJob job, String reason) {
        settle(job, "failed", "error", reason);
    }

    /** Gives the claim back after a transient failure, so the redelivered job can claim it at once. */
    public void release(DeliveryJob job, String reason) {
        update(job, "SET claimUntil = :zero, #error = :reason, updatedAt = :at ADD transientFailures :one",
                "attempt = :attempt AND #state = :claimed", Map.of(
                        ":zero", number(0), ":reason", AttributeValue.fromS(reason), ":one", number(1),
                        ":claimed", AttributeValue.fromS(DeliveryStates.CLAIMED)),
                Map.of("#state", "state", "#error", "error"));
    }

    /**
     * Gives the claim back after a request that may have reached the provider (begun at {@code since}) got no answer;
     * {@code unansweredLookups}: how often the provider could not yet say whether it took it; {@code asked}: the providers
     * the unanswered requests went to (empty: not known, every provider is asked), for the next claim ({@link Claim.Granted}).
     */
    public void unsure(DeliveryJob job, String reason, Instant since, int unansweredLookups, Set<String> asked) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":zero", number(0), ":reason", AttributeValue.fromS(reason), ":one", number(1),
                ":since", number(since.toEpochMilli()), ":lookups", number(unansweredLookups),
                ":claimed", AttributeValue.fromS(DeliveryStates.CLAIMED)));
        String providers = "";
        if (!asked.isEmpty()) {
            values.put(":asked", AttributeValue.fromSs(List.copyOf(asked)));
            providers = ", unsureProviders = :asked";
        }
        update(job, "SET claimUntil = :zero, #error = :reason, unsureSince = :since, unansweredLookups = :lookups, updatedAt = :at"
                        + providers + " ADD transientFailures :one",
                "attempt = :attempt AND #state = :claimed", values, Map.of("#state", "state", "#error", "error"));
    }

    private void settle(DeliveryJob job, String state, String attribute, String value) {
        update(settleUpdate(job, state, attribute, value, "", Map.of()));
    }

    private Update settleUpdate(DeliveryJob job, String state, String attribute, String value, String moreSet,
                                Map<String, AttributeValue> moreValues) {
        Map<String, AttributeValue> values = new HashMap<>(moreValues);
        values.putAll(Map.of(":state", AttributeValue.fromS(state), ":value", AttributeValue.fromS(value),
                ":rank", number(DeliveryStates.rank(state))));
        return updateOf(job, "SET #state = :state, stateRank = :rank, #attr = :value, updatedAt = :at" + moreSet
                        + " REMOVE claimUntil, unsureSince, unansweredLookups, unsureProviders",
                "attempt = :attempt", values, Map.of("#state", "state", "#attr", attribute));
    }

    private void update(DeliveryJob job, String expression, String condition, Map<String, AttributeValue> extraValues,
                        Map<String, String> names) {
        update(updateOf(job, expression, condition, extraValues, names));
    }

    private Update updateOf(DeliveryJob job, String expression, String condition, Map<String, AttributeValue> extraValues,
                            Map<String, String> names) {
        Map<String, AttributeValue> values = new HashMap<>(extraValues);
        values.put(":attempt", number(job.attempt()));
        values.put(":at", AttributeValue.fromS(clock.instant().toString()));
        return Update.builder().tableName(table).key(key(job)).updateExpression(expression).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private void update(Update update) {
        try {
            dynamo.updateItem(b -> b.tableName(update.tableName()).key(update.key()).updateExpression(update.updateExpression())
                    .conditionExpression(update.conditionExpression()).expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException newerAttempt) {
            // A later attempt owns the item now; this attempt's outcome is history, not state.
        }
    }

    private static Map<String, AttributeValue> key(DeliveryJob job) {
        return IncidentStore.key(job.incidentId(), sortKey(job.personId(), job.channel().id()));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
