package sosrelay.table;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every key of the single table ({@code IncidentsTable}) spelled in one place, so that no two item kinds can
 * collide and the map in docs/ARCHITECTURE.md can be checked against one file. Each item kind still has one
 * owning store (that page names it); the stores build their keys here.
 */
public final class TableKeys {
    /** The sort key prefixes of an incident's partition ({@code INC#<id>}), for Query with begins_with. */
    public static final String DELIVERIES = "DEL#";
    public static final String EVENTS = "EVT#";
    public static final String ACKNOWLEDGEMENTS = "ACK#";
    public static final String DECLINES = "DECLINE#";
    public static final String PERSONS_CODES = "ACKCODE#";
    public static final String PERSONS_LINKS = "LINK#";
    /** The incident's own item in its partition. */
    public static final String SNAPSHOT = "INCIDENT";
    /** The sort key prefix of a device key's open-incident slots ({@code KEY#<key id>}). */
    public static final String SLOTS = "SLOT#";
    /** The sort key prefix of a send budget's tokens ({@code RATE#<name>}), and its provider hold. */
    public static final String TOKENS = "TOKEN#";
    public static final String HOLD = "HOLD";

    private TableKeys() {
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    public static String incident(String incidentId) {
        return "INC#" + incidentId;
    }

    public static String delivery(String personId, String channel) {
        return DELIVERIES + personId + "#" + channel;
    }

    public static String event(String at, String tieBreaker) {
        return EVENTS + at + "#" + tieBreaker;
    }

    /** The person's code item in the incident's partition ({@code ACKCODE#<person>}). */
    public static String personsCode(String personId) {
        return PERSONS_CODES + personId;
    }

    /** A code's own partition, so a reply finds its incident: {@code ACKCODE#<code>} / {@code ACKCODE}. */
    public static Map<String, AttributeValue> ackCode(String code) {
        return key("ACKCODE#" + code, "ACKCODE");
    }

    /** The person's recording link in the incident's partition ({@code LINK#<person>}). */
    public static String personsLink(String personId) {
        return PERSONS_LINKS + personId;
    }

    /** A recording link's own partition, so {@code GET /r/<token>} finds its incident: {@code LINK#<token>} / {@code LINK}. */
    public static Map<String, AttributeValue> recordingLink(String token) {
        return key("LINK#" + token, "LINK");
    }

    /** Which delivery a provider id (CallSid, SmsSid) belongs to: {@code PROVIDER#<id>} / {@code PROVIDER}. */
    public static Map<String, AttributeValue> provider(String providerId) {
        return key("PROVIDER#" + providerId, "PROVIDER");
    }

    /** A status report kept until its provider id is recorded: {@code PENDING#<id>} / {@code REPORT}. */
    public static Map<String, AttributeValue> pendingReport(String providerId) {
        return key("PENDING#" + providerId, "REPORT");
    }

    /** An alarm group's open incident: {@code OPEN#<group>} / {@code OPEN}. */
    public static Map<String, AttributeValue> openGroup(String group) {
        return key("OPEN#" + group, "OPEN");
    }

    public static String keySlots(String keyId) {
        return "KEY#" + keyId;
    }

    public static String slot(int n) {
        return SLOTS + n;
    }

    public static String budget(String name) {
        return "RATE#" + name;
    }

    public static String token(int n) {
        return String.format("%s%04d", TOKENS, n);
    }

    /** When each person last acknowledged a call or text (an alert, a drill or a test call): {@code REACHED} / {@code PEOPLE}. */
    public static Map<String, AttributeValue> reachedPeople() {
        return key("REACHED", "PEOPLE");
    }

    /** A heartbeat source's last beat: {@code BEAT#<source>} / {@code BEAT}. */
    public static Map<String, AttributeValue> heartbeat(String source) {
        return key("BEAT#" + source, "BEAT");
    }

    /** A person's WhatsApp opt-in: {@code OPTIN#<person>} / {@code OPTIN}. */
    public static Map<String, AttributeValue> optIn(String personId) {
        return key("OPTIN#" + personId, "OPTIN");
    }

    /** How often {@code subject} acted in one hour: {@code QUOTA#<subject>} / {@code HOUR#<yyyy-MM-ddTHH>}. */
    public static Map<String, AttributeValue> hourlyCount(String subject, String hour) {
        return key("QUOTA#" + subject, "HOUR#" + hour);
    }

    /** Until when {@code subject} may not act again: {@code QUIET#<subject>} / {@code QUIET}. */
    public static Map<String, AttributeValue> quietUntil(String subject) {
        return key("QUIET#" + subject, "QUIET");
    }
}
