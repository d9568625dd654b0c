package sosrelay.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sosrelay.directory.Channel;
import sosrelay.directory.Language;
import sosrelay.directory.Person;
import sosrelay.directory.Priority;
import sosrelay.directory.Roster;
import sosrelay.directory.RosterParser;
import sosrelay.json.Json;
import sosrelay.directory.RetryPolicy;
import sosrelay.directory.Tier;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Incidents in the incidents table ({@code pk = INC#<id>}, {@code sk = INCIDENT}); deliveries live
 * under the same pk, so one Query reads an incident's whole story.
 *
 * <p>Raising is idempotent and crash-safe: the first writer of an id wins and holds a dispatch lease
 * longer than the function's timeout. A repeat inside the lease is a duplicate; a repeat after a
 * lease that expired without {@code dispatched} means the first writer died before queueing every
 * job, so the repeat takes the lease over and queues again (the workers' claims make that safe).
 *
 * <p>An incident with an {@code openGroup} (an alarm) is written together with a marker item
 * ({@code pk = OPEN#<group>}) in one transaction, so while that marker stands a new occurrence of
 * the group rings nobody; {@link #closeGroup} records the recovery and removes the marker.
 */
public final class IncidentStore {
    static final String INCIDENT_SK = TableKeys.SNAPSHOT;
    /** Every incident item carries it, so the {@code ByCreatedAt} index lists them newest first (see {@link IncidentList}). */
    static final String LIST_KEY = "listPk";
    static final String LIST_VALUE = "INCIDENTS";
    /** How long everything about an incident is kept (DynamoDB's TTL on {@code expiresAt}): every item kind has an end. */
    static final Duration KEEP_FOR = Duration.ofDays(180);

    /** What a raise found: a new incident, an abandoned one to dispatch again, a repeat, or its group already open. */
    public enum Raised {
        CREATED, RESUMED, DUPLICATE, ALREADY_OPEN;

        public boolean mustDispatch() {
            return this == CREATED || this == RESUMED;
        }
    }

    /**
     * The outcome and the incident it concerns: for {@code ALREADY_OPEN}, the open one. {@code createdAt}
     * is when the incident was first stored (time-to-ring counts from it), known when it must be dispatched.
     */
    public record Creation(Raised raised, String incidentId, Instant createdAt) {
    }

    /**
     * The dispatch lease: longer than a raising function's timeout (the Passthru's 10 s, the APIs' 20 s), so a repeat
     * never resumes a raise still going; short enough that the raise's dispatch guard resumes a frozen one within 30 s.
     */
    public static final Duration DISPATCH_LEASE = Duration.ofSeconds(25);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration dispatchLease;

    public IncidentStore(DynamoDbClient dynamo, String table, Clock clock, Duration dispatchLease) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.dispatchLease = dispatchLease;
    }

    public static Map<String, AttributeValue> key(String incidentId, String sk) {
        return TableKeys.key(TableKeys.incident(incidentId), sk);
    }

    public Creation create(Incident incident) {
        // Millisecond precision, as the jobs carry it: time-to-ring reads the same from either.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, AttributeValue> item = new HashMap<>(IncidentItem.toItem(incident));
        item.putAll(key(incident.id(), INCIDENT_SK));
        item.put("status", AttributeValue.fromS("open"));
        item.put("createdAt", AttributeValue.fromS(now.toString()));
        item.put("dispatchState", AttributeValue.fromS("pending"));
        item.put("dispatchLeaseUntil", number(now.plus(dispatchLease).toEpochMilli()));
        item.put("expiresAt", number(now.plus(KEEP_FOR).getEpochSecond()));
        item.put(LIST_KEY, AttributeValue.fromS(LIST_VALUE));
        if (incident.openGroup() != null) {
            return createInGroup(incident, item, now);
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return new Creation(Raised.CREATED, incident.id(), now);
        } catch (ConditionalCheckFailedException exists) {
            return resumeIfAbandoned(incident.id(), now);
        }
    }

    private Creation createInGroup(Incident incident, Map<String, AttributeValue> item, Instant now) {
        Map<String, AttributeValue> marker = new HashMap<>(groupKey(incident.openGroup()));
        marker.put("incidentId", AttributeValue.fromS(incident.id()));
        marker.put("since", AttributeValue.fromS(now.toString()));
        marker.put("expiresAt", expiresAt(now));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    t -> t.put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")),
                    t -> t.put(p -> p.tableName(table).item(marker).conditionExpression("attribute_not_exists(pk)"))));
            return new Creation(Raised.CREATED, incident.id(), now);
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (failedCondition(reasons, 0)) {
                return resumeIfAbandoned(incident.id(), now);
            }
            if (failedCondition(reasons, 1)) {
                String open = openIncident(incident.openGroup()).orElse(incident.id());
                dynamo.updateItem(b -> b.tableName(table).key(key(open, INCIDENT_SK))
                        .updateExpression("SET lastRefireAt = :now ADD refires :one")
                        .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now.toString()), ":one", number(1))));
                return new Creation(Raised.ALREADY_OPEN, open, null);
            }
            throw cancelled;
        }
    }

    /**
     * Records on the group's open incident that its source recovered ({@code note}, e.g. an alarm's
     * OK reason) and re-arms the group; returns that incident's id, or empty when none was open.
     */
    public Optional<String> closeGroup(String group, String state, String note) {
        Optional<String> open = openIncident(group);
        open.ifPresent(id -> {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":state", AttributeValue.fromS(state));
            values.put(":at", AttributeValue.fromS(clock.instant().toString()));
            values.put(":note", AttributeValue.fromS(note == null ? "" : note));
            dynamo.updateItem(b -> b.tableName(table).key(key(id, INCIDENT_SK))
                    .updateExpression("SET sourceState = :state, sourceRecoveredAt = :at, sourceRecoveryNote = :note")
                    .expressionAttributeValues(values));
            try {
                dynamo.deleteItem(b -> b.tableName(table).key(groupKey(group)).conditionExpression("incidentId = :id")
                        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(id))));
            } catch (ConditionalCheckFailedException reopenedMeanwhile) {
                // A newer incident holds the group now; it stays open.
            }
        });
        return open;
    }

    private Optional<String> openIncident(String group) {
        GetItemResponse marker = dynamo.getItem(b -> b.tableName(table).key(groupKey(group)).consistentRead(true));
        return marker.hasItem() && marker.item().containsKey("incidentId")
                ? Optional.of(marker.item().get("incidentId").s())
                : Optional.empty();
    }

    private static Map<String, AttributeValue> groupKey(String group) {
        return TableKeys.openGroup(group);
    }

    private static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    /** The resumed incident keeps its first {@code createdAt}: the update returns it, so no read is needed. */
    private Creation resumeIfAbandoned(String id, Instant now) {
        try {
            UpdateItemResponse resumed = dynamo.updateItem(b -> b.tableName(table).key(key(id, INCIDENT_SK))
                    .returnValues(ReturnValue.ALL_NEW)
                    .updateExpression("SET dispatchLeaseUntil = :lease ADD dispatchResumes :one")
                    .conditionExpression("dispatchState = :pending AND dispatchLeaseUntil < :now")
                    .expressionAttributeValues(Map.of(
                            ":lease", number(now.plus(dispatchLease).toEpochMilli()),
                            ":pending", AttributeValue.fromS("pending"),
                            ":now", number(now.toEpochMilli()),
                            ":one", number(1))));
            return new Creation(Raised.RESUMED, id, Instant.parse(resumed.attributes().get("createdAt").s()));
        } catch (ConditionalCheckFailedException stillOwnedOrDone) {
            return new Creation(Raised.DUPLICATE, id, null);
        }
    }

    /** Adds people to the incident's recipients (someone a roster override now names), so their calls, texts and acknowledgement count. */
    public void addRecipients(String id, List<Person> people) {
        dynamo.updateItem(b -> b.tableName(table).key(key(id, INCIDENT_SK))
                .updateExpression("SET recipients = list_append(recipients, :more)")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":more", AttributeValue.fromL(people.stream().map(IncidentItem::person).toList()))));
    }

    /** Whether the incident is recorded but not yet marked dispatched (a raise still going, frozen or dead). */
    public boolean dispatchPending(String id) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).key(key(id, INCIDENT_SK)).consistentRead(true)
                .projectionExpression("dispatchState"));
        return response.hasItem() && response.item().containsKey("dispatchState")
                && "pending".equals(response.item().get("dispatchState").s());
    }

    public void markDispatched(String id, int jobs) {
        dynamo.updateItem(b -> b.tableName(table).key(key(id, INCIDENT_SK))
                .updateExpression("SET dispatchState = :done, dispatchedAt = :now, jobCount = :jobs")
                .expressionAttributeValues(Map.of(
                        ":done", AttributeValue.fromS("dispatched"),
                        ":now", AttributeValue.fromS(clock.instant().toString()),
                        ":jobs", number(jobs))));
    }

    /** Our copy of the caller's recording is in the recordings bucket under {@code key}: what the greeting plays from now on. */
    public void recordCopy(String id, String key) {
        dynamo.updateItem(b -> b.tableName(table).key(key(id, INCIDENT_SK))
                .updateExpression("SET recordingCopyKey = :key, recordingCopiedAt = :now")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(
                        ":key", AttributeValue.fromS(key),
                        ":now", AttributeValue.fromS(clock.instant().toString()))));
    }

    public Optional<Incident> find(String id) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).key(key(id, INCIDENT_SK)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(IncidentItem.fromItem(response.item()))
                : Optional.empty();
    }

    /** The TTL attribute's value for an item of an incident written at {@code now}. */
    static AttributeValue expiresAt(Instant now) {
        return number(now.plus(KEEP_FOR).getEpochSecond());
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** The incident's own attributes to and from a DynamoDB item. */
    static final class IncidentItem {
        private IncidentItem() {
        }

        static Map<String, AttributeValue> toItem(Incident i) {
            Map<String, AttributeValue> item = new HashMap<>();
            Trigger t = i.trigger();
            putS(item, "id", i.id());
            putS(item, "source", t.source());
            putS(item, "sourceRef", t.sourceRef());
            putS(item, "reporter", t.reporter());
            putS(item, "reportedAt", t.reportedAt() == null ? null : t.reportedAt().toString());
            putS(item, "description", t.description());
            putS(item, "location", t.location());
            putS(item, "type", i.type());
            putS(item, "typeNote", i.typeNote());
            putS(item, "recordingUrl", i.recording().url());
            putS(item, "recordingAvailableAt", i.recording().availableAt() == null ? null : i.recording().availableAt().toString());
            putS(item, "recordingNote", i.recording().note());
            // A device's recording is one of our copies already (BucketRecordingPolicy): it plays from the start.
            putS(item, "recordingCopyKey", i.recording().copyKey());
            putS(item, "openGroup", i.openGroup());
            putS(item, "raisedBy", i.raisedBy());
            putS(item, "reportTo", t.reportTo());
            putS(item, "raisedBy", t.raisedBy());
            putS(item, "priority", i.priority().id());
            putS(item, "maintenance", i.maintenance());
            item.put("repeat", number(i.repeat()));
            if (!i.rosters().isEmpty()) {
                Map<String, Object> rosters = new java.util.LinkedHashMap<>();
                i.rosters().forEach(r -> rosters.put(r.id(), RosterParser.document(r)));
                item.put("rosters", AttributeValue.fromS(Json.write(rosters)));
            }
            item.put("recipients", AttributeValue.fromL(i.recipients().stream().map(IncidentItem::person).toList()));
            item.put("tiers", AttributeValue.fromL(i.tiers().stream().map(IncidentItem::tier).toList()));
            item.put("retry", AttributeValue.fromM(Map.of("attempts", number(i.retry().attempts()),
                    "afterSeconds", number(i.retry().after().toSeconds()))));
            return item;
        }

        static Incident fromItem(Map<String, AttributeValue> item) {
            return new Incident(
                    s(item, "id"),
                    new Trigger(s(item, "source"), s(item, "sourceRef"), s(item, "reporter"), instant(item, "reportedAt"),
                            s(item, "description"), s(item, "location"), s(item, "reportTo"),
                            s(item, "raisedBy")),
                    s(item, "type"), s(item, "typeNote"),
                    new Recording(s(item, "recordingUrl"), instant(item, "recordingAvailableAt"), s(item, "recordingNote"),
                            s(item, "recordingCopyKey")),
                    item.get("recipients").l().stream().map(v -> person(v.m())).toList(),
                    item.get("tiers").l().stream().map(v -> tier(v.m())).toList(),
                    new RetryPolicy(n(item.get("retry").m(), "attempts"), Duration.ofSeconds(n(item.get("retry").m(), "afterSeconds"))),
                    s(item, "openGroup"),
                    rosters(item),
                    item.containsKey("priority") ? Priority.parse(s(item, "priority")) : Priority.NORMAL,
                    item.containsKey("repeat") ? Integer.parseInt(item.get("repeat").n()) : 0,
                    s(item, "maintenance"),
                    s(item, "raisedBy"));
        }

        /** Read back as written: its people were checked on import, so any person id is accepted. */
        private static List<Roster> rosters(Map<String, AttributeValue> item) {
            if (!item.containsKey("rosters")) {
                return List.of();
            }
            List<String> problems = new java.util.ArrayList<>();
            RosterParser parser = new RosterParser(problems, id -> true);
            List<Roster> rosters = new java.util.ArrayList<>();
            Json.readObject(item.get("rosters").s()).forEach((id, doc) -> rosters.add(parser.parse(id, doc)));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("stored rosters unreadable: " + problems);
            }
            return List.copyOf(rosters);
        }

        private static AttributeValue tier(Tier t) {
            return AttributeValue.fromM(Map.of(
                    "notify", AttributeValue.fromL(t.notifyIds().stream().map(AttributeValue::fromS).toList()),
                    "escalateAfterSeconds", number(t.escalateAfter().toSeconds()),
                    "required", number(t.required())));
        }

        private static Tier tier(Map<String, AttributeValue> m) {
            // Incidents stored before rosters name their tiers' people "personIds".
            return new Tier(m.getOrDefault("notify", m.get("personIds")).l().stream().map(AttributeValue::s).toList(),
                    Duration.ofSeconds(n(m, "escalateAfterSeconds")), n(m, "required"));
        }

        private static int n(Map<String, AttributeValue> m, String name) {
            return Integer.parseInt(m.get(name).n());
        }

        private static AttributeValue person(Person p) {
            Map<String, AttributeValue> m = new HashMap<>(Map.of(
                    "id", AttributeValue.fromS(p.id()),
                    "name", AttributeValue.fromS(p.name()),
                    "phone", AttributeValue.fromS(p.phone()),
                    "channels", AttributeValue.fromL(p.channels().stream().map(c -> AttributeValue.fromS(c.id())).toList()),
                    "language", AttributeValue.fromS(p.language().code())));
            if (p.phones().size() > 1) {
                m.put("phones", AttributeValue.fromL(p.phones().stream().map(AttributeValue::fromS).toList()));
            }
            return AttributeValue.fromM(m);
        }

        /** People stored before languages read in English; before second numbers, with their one phone. */
        private static Person person(Map<String, AttributeValue> m) {
            Language language = m.containsKey("language") ? Language.fromCode(m.get("language").s()) : null;
            List<String> phones = m.containsKey("phones") ? m.get("phones").l().stream().map(AttributeValue::s).toList() : null;
            return new Person(m.get("id").s(), m.get("name").s(), m.get("phone").s(),
                    m.get("channels").l().stream().map(v -> Channel.parse(v.s())).toList(), language == null ? Language.EN : language, phones);
        }

        private static void putS(Map<String, AttributeValue> item, String name, String value) {
            if (value != null) {
                item.put(name, AttributeValue.fromS(value));
            }
        }

        private static String s(Map<String, AttributeValue> item, String name) {
            AttributeValue value = item.get(name);
            return value == null ? null : value.s();
        }

        private static Instant instant(Map<String, AttributeValue> item, String name) {
            String text = s(item, name);
            return text == null ? null : Instant.parse(text);
        }
    }
}
