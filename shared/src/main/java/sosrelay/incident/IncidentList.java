package sosrelay.incident;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Recent incidents, newest first, from the incidents table's {@code ByCreatedAt} index (every incident
 * item carries the same {@code listPk}, and its {@code createdAt} sorts it), filtered by status and
 * type, a page at a time. Incidents are a handful a day, not thousands a second: one index partition
 * holds them easily.
 */
public final class IncidentList {
    public static final String INDEX = "ByCreatedAt";
    public static final int MAX_PAGE = 100;

    /** One incident as the list shows it. */
    public record Summary(String incidentId, String type, String status, String createdAt, String source, String reporter,
                          String maintenance) {
    }

    /** A page, and the token for the next one (null at the end). */
    public record Page(List<Summary> incidents, String next) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public IncidentList(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** {@code status}, {@code type}: null for any; {@code after}: a previous page's {@code next}, or null. */
    public Page recent(String status, String type, int limit, String after) {
        Map<String, AttributeValue> start = after == null ? null : decode(after);
        List<Summary> found = new ArrayList<>();
        Map<String, String> names = new HashMap<>(Map.of("#pk", IncidentStore.LIST_KEY));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(IncidentStore.LIST_VALUE)));
        List<String> filters = new ArrayList<>();
        if (status != null) {
            names.put("#s", "status");
            values.put(":s", AttributeValue.fromS(status));
            filters.add("#s = :s");
        }
        if (type != null) {
            names.put("#t", "type");
            values.put(":t", AttributeValue.fromS(type));
            filters.add("#t = :t");
        }
        // A filter is applied after DynamoDB reads a page: keep reading until this page is full or nothing is left.
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamo.query(b -> {
                b.tableName(table).indexName(INDEX).keyConditionExpression("#pk = :pk").scanIndexForward(false)
                        .expressionAttributeNames(names).expressionAttributeValues(values).limit(limit - found.size());
                if (!filters.isEmpty()) {
                    b.filterExpression(String.join(" AND ", filters));
                }
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            response.items().forEach(item -> found.add(new Summary(s(item, "id"), s(item, "type"), s(item, "status"),
                    s(item, "createdAt"), s(item, "source"), s(item, "reporter"), s(item, "maintenance"))));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (found.size() < limit && start != null);
        return new Page(found, start == null ? null : encode(start));
    }

    /**
     * Whether an incident of {@code type} raised since {@code since} is not resolved yet (open, acknowledged or
     * unanswered): no drill of that type runs beside it. Drills and test calls have types of their own.
     */
    public boolean unresolvedOfTypeSince(String type, Instant since) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamo.query(b -> {
                b.tableName(table).indexName(INDEX).keyConditionExpression("#pk = :pk AND #c >= :since")
                        .filterExpression("#t = :t AND #s <> :resolved")
                        .expressionAttributeNames(Map.of("#pk", IncidentStore.LIST_KEY, "#c", "createdAt", "#t", "type", "#s", "status"))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(IncidentStore.LIST_VALUE),
                                ":since", AttributeValue.fromS(since.toString()), ":t", AttributeValue.fromS(type),
                                ":resolved", AttributeValue.fromS(IncidentProgress.RESOLVED)));
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            if (!response.items().isEmpty()) {
                return true;
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return false;
    }

    private static String encode(Map<String, AttributeValue> key) {
        Map<String, String> plain = new LinkedHashMap<>();
        key.forEach((name, value) -> plain.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    /** Throws {@link IllegalArgumentException} for a token we did not make. */
    private static Map<String, AttributeValue> decode(String token) {
        try {
            Map<String, Object> plain = Json.readObject(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            Map<String, AttributeValue> key = new HashMap<>();
            for (String name : List.of("pk", "sk", IncidentStore.LIST_KEY, "createdAt")) {
                if (!(plain.get(name) instanceof String value)) {
                    throw new IllegalArgumentException("not a page token");
                }
                key.put(name, AttributeValue.fromS(value));
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'after' is not a page token from a previous answer", e);
        }
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
