package sosrelay.ack;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The six-digit code a text message asks one person to reply with ("Reply 482913 to acknowledge").
 * Random per incident and person, never derived from anything printed beside it (the incident id
 * travels in every text), so knowing a ref tells nobody the code. Two items: the code's own
 * ({@code pk = ACKCODE#<code>}: whose it is, until when, whether used), taken with a conditional write
 * so no two live codes are alike, and the person's ({@code pk = INC#<id>, sk = ACKCODE#<person>}), so
 * the SMS and WhatsApp of one person, and a redelivered job, all carry the same code. A code
 * acknowledges once, and not after {@link #VALID_FOR}.
 */
public final class AckCodes {
    static final Duration VALID_FOR = Duration.ofHours(12);
    private static final int ATTEMPTS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whose code it is. */
    public record Holder(String incidentId, String personId) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public AckCodes(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** A random code: six digits, never starting with 0 (some phones drop a leading zero). */
    static String newCode() {
        return Integer.toString(100_000 + RANDOM.nextInt(900_000));
    }

    /** The person's code for the incident: the one already issued, else a new one. */
    public String issue(String incidentId, String personId) {
        Optional<String> existing = issued(incidentId, personId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        String code = reserveUnusedCode(incidentId, personId, now);
        try {
            dynamo.putItem(b -> b.tableName(table).conditionExpression("attribute_not_exists(pk)").item(Map.of(
                    "pk", AttributeValue.fromS(TableKeys.incident(incidentId)),
                    "sk", AttributeValue.fromS(TableKeys.personsCode(personId)),
                    "code", AttributeValue.fromS(code),
                    "expiresAt", number(now.plus(VALID_FOR).getEpochSecond()))));
            return code;
        } catch (ConditionalCheckFailedException issuedMeanwhile) {
            // The person's other channel won the race: theirs is the code; ours is given back.
            dynamo.deleteItem(b -> b.tableName(table).key(codeKey(code)));
            return issued(incidentId, personId).orElseThrow();
        }
    }

    /** Whose live, unused code this is. */
    public Optional<Holder> holder(String code) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(codeKey(code)).consistentRead(true)).item();
        if (item == null || item.isEmpty() || item.containsKey("usedAt")
                || Long.parseLong(item.get("validUntil").n()) <= clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(new Holder(item.get("incidentId").s(), item.get("personId").s()));
    }

    /** Spends the code: true once, for the first reply that uses it while it is valid. */
    public boolean use(String code) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(codeKey(code))
                    .updateExpression("SET usedAt = :now")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(usedAt) AND validUntil > :millis")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(clock.instant().toString()),
                            ":millis", number(clock.millis()))));
            return true;
        } catch (ConditionalCheckFailedException usedOrExpired) {
            return false;
        }
    }

    private Optional<String> issued(String incidentId, String personId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(
                TableKeys.key(TableKeys.incident(incidentId), TableKeys.personsCode(personId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("code").s());
    }

    /** A code no live incident·person holds, taken for this one. */
    private String reserveUnusedCode(String incidentId, String personId, Instant now) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String code = newCode();
            try {
                dynamo.putItem(b -> b.tableName(table)
                        .conditionExpression("attribute_not_exists(pk) OR validUntil < :now")
                        .expressionAttributeValues(Map.of(":now", number(now.toEpochMilli())))
                        .item(Map.of(
                                "pk", codeKey(code).get("pk"),
                                "sk", codeKey(code).get("sk"),
                                "incidentId", AttributeValue.fromS(incidentId),
                                "personId", AttributeValue.fromS(personId),
                                "validUntil", number(now.plus(VALID_FOR).toEpochMilli()),
                                "expiresAt", number(now.plus(VALID_FOR).getEpochSecond()))));
                return code;
            } catch (ConditionalCheckFailedException takenByAnother) {
                // Another live incident·person holds it: draw again.
            }
        }
        throw new IllegalStateException("no free acknowledgement code after " + ATTEMPTS + " draws");
    }

    private static Map<String, AttributeValue> codeKey(String code) {
        return TableKeys.ackCode(code);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
