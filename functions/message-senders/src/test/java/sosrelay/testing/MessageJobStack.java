package sosrelay.testing;

import sosrelay.directory.RetryPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Channel;
import sosrelay.directory.Person;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Recording;
import sosrelay.incident.Trigger;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB Local and ElasticMQ from template.yaml, a function's Wiring, and the incident the events/ fixtures name. */
public final class MessageJobStack implements AutoCloseable {
    public static final String INCIDENT = "inc-f4ozhr7np263xfwdrpb2";
    public static final String RECORDING = "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/xx_0.mp3";

    private final LocalTemplate stack;
    private final Wiring wiring;

    private MessageJobStack(LocalTemplate stack, Wiring wiring) {
        this.stack = stack;
        this.wiring = wiring;
    }

    public static MessageJobStack start(String functionLogicalId, Map<String, String> overrides) {
        LocalTemplate stack = LocalTemplate.start();
        return new MessageJobStack(stack, new Wiring(Env.of(stack.environmentOf(functionLogicalId, overrides))));
    }

    public Wiring wiring() {
        return wiring;
    }

    public void reset() {
        stack.reset();
    }

    /** The Heart incident the fixtures' jobs belong to, reported at 15:41 IST. */
    public void storeIncident() {
        wiring.incidents().create(new Incident(INCIDENT,
                new Trigger("exotel-call", "fd7a090139691d5ed3exxg", "09324190000", Instant.parse("2021-07-16T10:11:28Z"), null, null),
                "Heart", null, new Recording(RECORDING, null, null),
                List.of(new Person("dr-rao", "Dr. Rao", "+919800000001", List.of(Channel.CALL, Channel.SMS, Channel.WHATSAPP))), List.of(), RetryPolicy.DEFAULT,
                null));
    }

    /** Dr. Rao's acknowledgement code for the incident: the one the senders issued. */
    public String ackCode() {
        return new sosrelay.ack.AckCodes(stack.backends().dynamoDb(), stack.tableName("IncidentsTable"), java.time.Clock.systemUTC())
                .issue(INCIDENT, "dr-rao");
    }

    public Map<String, AttributeValue> delivery(Channel channel) {
        return stack.backends().dynamoDb().getItem(b -> b.tableName(stack.tableName("IncidentsTable"))
                .key(IncidentStore.key(INCIDENT, DeliveryStore.sortKey("dr-rao", channel.id())))).item();
    }

    @Override
    public void close() {
        stack.close();
    }
}
