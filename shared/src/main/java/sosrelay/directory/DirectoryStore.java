package sosrelay.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import sosrelay.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The current directory, one item in the directory table holding the admin's document as JSON, and
 * beside it what operators changed through the API (roster overrides, maintenance windows), which a
 * re-import keeps. One item means an import replaces the document atomically; a webhook reads it
 * with one GetItem and keeps it for a short while, so a burst of emergencies costs one read, and an
 * operator's change reaches every function within that while.
 */
public final class DirectoryStore {
    static final String CURRENT = "current";
    private static final String OVERRIDES = "rosterOverrides";
    private static final String WINDOWS = "maintenanceWindows";
    private static final int CONFLICT_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration cacheFor;
    private volatile Cached cached;

    private record Cached(Directory directory, Instant until) {
    }

    /** The item as stored: the admin's document, the operators' changes, and the version that guards them. */
    private record Stored(Map<String, Object> document, Map<String, Object> overrides, List<Object> windows, long version) {
        Directory directory() {
            Directory parsed = DirectoryParser.parse(document);
            Map<String, List<RosterOverride>> byRoster = new LinkedHashMap<>();
            overrides.forEach((rosterId, list) -> {
                Roster roster = parsed.rosters().get(rosterId);
                if (roster != null && list instanceof List<?> items) {
                    // Checked when added; one whose person a later import removed is left out.
                    RosterParser parser = new RosterParser(new ArrayList<>(), parsed.people()::containsKey);
                    byRoster.put(rosterId, items.stream().map(item -> parser.stored(item, roster.timeZone()))
                            .filter(o -> o != null).toList());
                }
            });
            List<MaintenanceWindow> extra = new MaintenanceParser(new ArrayList<>(), parsed.types().keySet()).parseAll(windows);
            return parsed.withOperatorChanges(byRoster, extra);
        }
    }

    public DirectoryStore(DynamoDbClient dynamo, String table, Clock clock, Duration cacheFor) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /** The current directory; throws {@link IllegalStateException} when none has been imported. */
    public Directory current() {
        Cached snapshot = cached;
        Instant now = clock.instant();
        if (snapshot != null && now.isBefore(snapshot.until())) {
            return snapshot.directory();
        }
        Directory directory = read(false).directory();
        cached = new Cached(directory, now.plus(cacheFor));
        return directory;
    }

    /** Validates the document and makes it the current directory; an invalid one changes nothing. Operators' changes stay. */
    public Directory replace(Map<String, Object> document) {
        Directory directory = DirectoryParser.parse(document);
        dynamo.updateItem(b -> b.tableName(table).key(key())
                .updateExpression("SET #doc = :doc, importedAt = :at")
                .expressionAttributeNames(Map.of("#doc", "document"))
                .expressionAttributeValues(Map.of(
                        ":doc", AttributeValue.fromS(Json.write(document)),
                        ":at", AttributeValue.fromS(clock.instant().toString()))));
        cached = null;
        return directory;
    }

    /**
     * Adds an override to roster {@code rosterId}, checked as the file's are (known person, from before
     * to) and against the roster's other overrides; returns it with its new id. Throws
     * {@link InvalidDirectoryException} listing the problems, {@link IllegalArgumentException} for an unknown roster.
     */
    public RosterOverride addOverride(String rosterId, Object request) {
        RosterOverride[] added = new RosterOverride[1];
        change(stored -> {
            Directory directory = stored.directory();
            Roster roster = directory.rosters().get(rosterId);
            if (roster == null) {
                throw new IllegalArgumentException("no roster " + rosterId);
            }
            List<String> problems = new ArrayList<>();
            RosterOverride override = new RosterParser(problems, directory.people()::containsKey)
                    .override(roster, request, "ovr-" + Long.toString(clock.millis(), 36));
            if (!problems.isEmpty()) {
                throw new InvalidDirectoryException(problems);
            }
            added[0] = override;
            Map<String, Object> overrides = new LinkedHashMap<>(stored.overrides());
            List<Object> list = new ArrayList<>(overrides.get(rosterId) instanceof List<?> l ? l : List.of());
            list.add(RosterParser.overrideDocument(override));
            overrides.put(rosterId, list);
            return new Stored(stored.document(), overrides, stored.windows(), stored.version());
        });
        return added[0];
    }

    /** Removes an override the API added; false when the roster has none with that id. */
    public boolean removeOverride(String rosterId, String overrideId) {
        boolean[] removed = new boolean[1];
        change(stored -> {
            Map<String, Object> overrides = new LinkedHashMap<>(stored.overrides());
            List<Object> list = new ArrayList<>(overrides.get(rosterId) instanceof List<?> l ? l : List.of());
            removed[0] = list.removeIf(item -> item instanceof Map<?, ?> m && overrideId.equals(m.get("id")));
            if (!removed[0]) {
                return null;
            }
            overrides.put(rosterId, list);
            return new Stored(stored.document(), overrides, stored.windows(), stored.version());
        });
        return removed[0];
    }

    /** Adds a maintenance window, checked as the file's are; returns it with its new id. */
    public MaintenanceWindow addMaintenance(Object request) {
        MaintenanceWindow[] added = new MaintenanceWindow[1];
        change(stored -> {
            Directory directory = stored.directory();
            List<String> problems = new ArrayList<>();
            MaintenanceWindow window = new MaintenanceParser(problems, directory.types().keySet()).parse("maintenance", request);
            if (!problems.isEmpty()) {
                throw new InvalidDirectoryException(problems);
            }
            MaintenanceWindow withId = new MaintenanceWindow("mnt-" + Long.toString(clock.millis(), 36), window.alarms(),
                    window.sources(), window.types(), window.from(), window.to(), window.reason());
            added[0] = withId;
            List<Object> windows = new ArrayList<>(stored.windows());
            windows.add(MaintenanceParser.document(withId));
            return new Stored(stored.document(), stored.overrides(), windows, stored.version());
        });
        return added[0];
    }

    /** Removes a window the API added; false when there is none with that id (a directory file's window stays). */
    public boolean removeMaintenance(String windowId) {
        boolean[] removed = new boolean[1];
        change(stored -> {
            List<Object> windows = new ArrayList<>(stored.windows());
            removed[0] = windows.removeIf(item -> item instanceof Map<?, ?> m && windowId.equals(m.get("id")));
            return removed[0] ? new Stored(stored.document(), stored.overrides(), windows, stored.version()) : null;
        });
        return removed[0];
    }

    /** Read, change, write back only if nobody wrote in between (else read again); an edit answering null changes nothing. */
    private void change(UnaryOperator<Stored> edit) {
        for (int attempt = 1; ; attempt++) {
            Stored stored = read(true);
            Stored changed = edit.apply(stored);
            if (changed == null) {
                return;
            }
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":o", AttributeValue.fromS(Json.write(changed.overrides())));
            values.put(":w", AttributeValue.fromS(Json.write(changed.windows())));
            values.put(":next", AttributeValue.fromN(Long.toString(stored.version() + 1)));
            String condition = "attribute_not_exists(operatorVersion)";
            if (stored.version() > 0) {
                values.put(":v", AttributeValue.fromN(Long.toString(stored.version())));
                condition = "operatorVersion = :v";
            }
            String unchanged = condition;
            try {
                dynamo.updateItem(b -> b.tableName(table).key(key())
                        .updateExpression("SET " + OVERRIDES + " = :o, " + WINDOWS + " = :w, operatorVersion = :next")
                        .conditionExpression(unchanged)
                        .expressionAttributeValues(values));
                cached = null;
                return;
            } catch (ConditionalCheckFailedException concurrent) {
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw new IllegalStateException("the directory kept changing; try again", concurrent);
                }
            }
        }
    }

    private Stored read(boolean consistent) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).key(key()).consistentRead(consistent));
        if (!response.hasItem() || !response.item().containsKey("document")) {
            throw new IllegalStateException("no recipient directory has been imported into " + table);
        }
        Map<String, AttributeValue> item = response.item();
        Map<String, Object> overrides = item.containsKey(OVERRIDES) ? Json.readObject(item.get(OVERRIDES).s()) : Map.of();
        List<Object> windows = item.containsKey(WINDOWS) ? Json.readList(item.get(WINDOWS).s()) : List.of();
        long version = item.containsKey("operatorVersion") ? Long.parseLong(item.get("operatorVersion").n()) : 0;
        return new Stored(Json.readObject(item.get("document").s()), overrides, windows, version);
    }

    private static Map<String, AttributeValue> key() {
        return Map.of("id", AttributeValue.fromS(CURRENT));
    }
}
