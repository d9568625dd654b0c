package sosrelay.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which people were opted in to WhatsApp with GupShup, and on which number ({@code pk = OPTIN#<personId>}).
 * A person whose number changed is opted in again. The record expires after a year: opting in again is
 * harmless, and nothing personal is kept for ever.
 */
public final class WhatsAppOptIns {
    private static final Duration KEEP_FOR = Duration.ofDays(365);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public WhatsAppOptIns(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    public boolean isOptedIn(String personId, String phone) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(personId))).item();
        return item != null && item.get("phone") != null && phone.equals(item.get("phone").s());
    }

    public void optedIn(String personId, String phone) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(personId));
        item.put("phone", AttributeValue.fromS(phone));
        item.put("at", AttributeValue.fromS(clock.instant().toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(KEEP_FOR).getEpochSecond())));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** GupShup says the number is not opted in after all (opted out since, or the record is stale). */
    public void forget(String personId) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(personId)));
    }

    private static Map<String, AttributeValue> key(String personId) {
        return TableKeys.optIn(personId);
    }
}
