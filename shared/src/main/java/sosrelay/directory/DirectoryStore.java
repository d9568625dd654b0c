package sosrelay.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import sosrelay.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The current directory, one item in the directory table holding the admin's document as JSON.
 * One item means an import replaces it atomically; a webhook reads it with one GetItem and keeps
 * it for a short while, so a burst of emergencies costs one read.
 */
public final class DirectoryStore {
    static final String CURRENT = "current";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration cacheFor;
    private volatile Cached cached;

    private record Cached(Directory directory, Instant until) {
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
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).key(key()));
        if (!response.hasItem() || !response.item().containsKey("document")) {
            throw new IllegalStateException("no recipient directory has been imported into " + table);
        }
        Directory directory = DirectoryParser.parse(Json.readObject(response.item().get("document").s()));
        cached = new Cached(directory, now.plus(cacheFor));
        return directory;
    }

    /** Validates the document and makes it the current directory; an invalid one changes nothing. */
    public Directory replace(Map<String, Object> document) {
        Directory directory = DirectoryParser.parse(document);
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "id", AttributeValue.fromS(CURRENT),
                "document", AttributeValue.fromS(Json.write(document)),
                "importedAt", AttributeValue.fromS(clock.instant().toString()))));
        cached = null;
        return directory;
    }

    private static Map<String, AttributeValue> key() {
        return Map.of("id", AttributeValue.fromS(CURRENT));
    }
}
