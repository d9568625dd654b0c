package sosrelay.links;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import sosrelay.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The recording link an SMS or WhatsApp text carries: {@code <SOS_PUBLIC_BASE_URL>/r/<token>}, never Exotel's URL.
 * The token is the credential (whoever holds the text may listen), so it is over 128 random bits, one per incident and
 * recipient, and it expires. Two items, as {@link sosrelay.ack.AckCodes} keeps codes: the token's own
 * ({@code LINK#<token>} / {@code LINK}: whose, until when), which {@code GET /r/{token}} reads, and the person's
 * ({@code INC#<id>} / {@code LINK#<person>}), taken with a conditional write, so a retried job, and the person's SMS
 * and WhatsApp alike, carry the same link. Both expire (TTL) when the link does.
 */
public final class RecordingLinks {
    /** The path of every link under the public base URL: fixed text of a DLT template, the token being its one variable. */
    public static final String PATH = "/r/";
    /** The token of an alert that has no recording to link to: a DLT template's link must still be a link. */
    public static final String NO_RECORDING = "none";
    /**
     * 22 letters and digits, 130 random bits: unguessable, within the 30 characters of one DLT variable, and nothing
     * but letters and digits, which a variable DLT tags alphanumeric holds (base64url's {@code -} and {@code _} might not).
     */
    static final int TOKEN_LENGTH = 22;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{" + TOKEN_LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Whose link it is, and until when it plays. */
    public record Holder(String incidentId, String personId, Instant validUntil) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration lifetime;
    private final String publicBaseUrl;

    /** {@code publicBaseUrl} may be null where no link is written, only read (the link's own function). */
    public RecordingLinks(DynamoDbClient dynamo, String table, Clock clock, Duration lifetime, String publicBaseUrl) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.lifetime = lifetime;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** {@code <base>/r/}: what a link starts with, and what a DLT template holds as text before its token variable. */
    public static String prefix(String publicBaseUrl) {
        return publicBaseUrl.replaceAll("/+$", "") + PATH;
    }

    /** Whether {@code token} has a token's shape: anything else is refused before the table is read. */
    public static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** The person's link for the incident: the one issued already (while it plays), else a new one. */
    public String link(String incidentId, String personId) {
        return prefix(publicBaseUrl) + issue(incidentId, personId);
    }

    /** The link of an alert without a recording ({@code /r/none}), which answers that there is none. */
    public String noRecording() {
        return prefix(publicBaseUrl) + NO_RECORDING;
    }

    /** The token's holder, whether or not it still plays; empty for a token never issued (or deleted by its TTL). */
    public Optional<Holder> find(String token) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(TableKeys.recordingLink(token))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Holder(item.get("incidentId").s(), item.get("personId").s(),
                Instant.ofEpochMilli(Long.parseLong(item.get("validUntil").n()))));
    }

    String issue(String incidentId, String personId) {
        Optional<String> existing = issued(incidentId, personId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        Instant validUntil = now.plus(lifetime);
        String token = newToken();
        // The token's item first: a person's item never names a token that cannot be found.
        dynamo.putItem(b -> b.tableName(table).conditionExpression("attribute_not_exists(pk)").item(Map.of(
                "pk", TableKeys.recordingLink(token).get("pk"),
                "sk", TableKeys.recordingLink(token).get("sk"),
                "incidentId", AttributeValue.fromS(incidentId),
                "personId", AttributeValue.fromS(personId),
                "validUntil", number(validUntil.toEpochMilli()),
                "expiresAt", number(validUntil.getEpochSecond()))));
        try {
            // A link that ran out is replaced: a job retried after it would otherwise text a dead link.
            dynamo.putItem(b -> b.tableName(table)
                    .conditionExpression("attribute_not_exists(pk) OR validUntil <= :now")
                    .expressionAttributeValues(Map.of(":now", number(now.toEpochMilli())))
                    .item(Map.of(
                            "pk", AttributeValue.fromS(TableKeys.incident(incidentId)),
                            "sk", AttributeValue.fromS(TableKeys.personsLink(personId)),
                            "token", AttributeValue.fromS(token),
                            "validUntil", number(validUntil.toEpochMilli()),
                            "expiresAt", number(validUntil.getEpochSecond()))));
            return token;
        } catch (ConditionalCheckFailedException issuedMeanwhile) {
            // The person's other channel, or a redelivery of this job, won the race: theirs is the link; ours goes.
            dynamo.deleteItem(b -> b.tableName(table).key(TableKeys.recordingLink(token)));
            return issued(incidentId, personId).orElseThrow();
        }
    }

    private Optional<String> issued(String incidentId, String personId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(
                TableKeys.key(TableKeys.incident(incidentId), TableKeys.personsLink(personId)))).item();
        if (item == null || item.isEmpty() || Long.parseLong(item.get("validUntil").n()) <= clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(item.get("token").s());
    }

    static String newToken() {
        StringBuilder token = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
