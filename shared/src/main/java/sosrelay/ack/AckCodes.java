package sosrelay.ack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The six-digit code a text message asks people to reply with ("Reply 482913 to acknowledge"). It
 * comes from the incident id, so any sender can print it without a lookup; a code item maps it back
 * (to every incident that ever drew it: two open incidents sharing a code is a one-in-a-million
 * event, and then a reply acknowledges the one the sender is a recipient of).
 */
public final class AckCodes {
    private static final Duration KEEP_FOR = Duration.ofDays(7);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public AckCodes(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public static String of(String incidentId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(incidentId.getBytes(StandardCharsets.UTF_8));
            int value = ((hash[0] & 0xff) << 16 | (hash[1] & 0xff) << 8 | (hash[2] & 0xff)) % 900_000 + 100_000;
            return Integer.toString(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void register(String incidentId) {
        dynamo.updateItem(b -> b.tableName(table).key(key(of(incidentId)))
                .updateExpression("SET incidentIds = list_append(if_not_exists(incidentIds, :none), :id), expiresAt = :expires")
                .expressionAttributeValues(Map.of(
                        ":none", AttributeValue.fromL(List.of()),
                        ":id", AttributeValue.fromL(List.of(AttributeValue.fromS(incidentId))),
                        ":expires", AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP_FOR).getEpochSecond())))));
    }

    public List<String> incidentsFor(String code) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(code))).item();
        return item == null || !item.containsKey("incidentIds")
                ? List.of()
                : item.get("incidentIds").l().stream().map(AttributeValue::s).distinct().toList();
    }

    private static Map<String, AttributeValue> key(String code) {
        return Map.of("pk", AttributeValue.fromS("ACKCODE#" + code), "sk", AttributeValue.fromS("ACKCODE"));
    }
}
