package sosrelay.testing;

import sosrelay.directory.RetryPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Channel;
import sosrelay.directory.Language;
import sosrelay.directory.Person;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Recording;
import sosrelay.incident.Trigger;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import sosrelay.local.backends.junit.TemplateStack;
import sosrelay.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A {@link TemplateStack} for one message sender (WireMock as its provider), the function's Wiring, and the incident
 * the events/ fixtures name. Register it on a static field; it is built before the class's tests.
 */
public final class MessageJobStack implements BeforeAllCallback, AfterAllCallback {
    public static final String INCIDENT = "inc-f4ozhr7np263xfwdrpb2";
    public static final String RECORDING = "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/xx_0.mp3";

    private final TemplateStack stack;
    private Wiring wiring;

    private MessageJobStack(TemplateStack stack) {
        this.stack = stack;
    }

    /** For the template function {@code functionLogicalId}, with {@code overrides} on its environment. */
    public static MessageJobStack of(String functionLogicalId, Map<String, String> overrides) {
        TemplateStack stack = TemplateStack.of(functionLogicalId);
        overrides.forEach(stack::with);
        return new MessageJobStack(stack);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack.beforeAll(context);
        wiring = new Wiring(Env.of(stack.environment()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stack.afterAll(context);
    }

    public Wiring wiring() {
        return wiring;
    }

    /** The WireMock standing in for the provider. */
    public WireMockServer provider() {
        return stack.provider();
    }

    /** Every table and queue emptied, the provider's stubs and requests forgotten. */
    public void reset() {
        stack.reset();
    }

    /** The Heart incident the fixtures' jobs belong to, reported at 15:41 IST. */
    public void storeIncident() {
        storeIncident(Language.EN);
    }

    /** The same incident, Dr. Rao's texts in {@code language}. */
    public void storeIncident(Language language) {
        wiring.incidents().create(new Incident(INCIDENT,
                new Trigger("exotel-call", "fd7a090139691d5ed3exxg", "09324190000", Instant.parse("2021-07-16T10:11:28Z"), null, null),
                "Heart", null, new Recording(RECORDING, null, null),
                List.of(new Person("dr-rao", "Dr. Rao", "+919800000001", List.of(Channel.CALL, Channel.SMS, Channel.WHATSAPP), language)),
                List.of(), RetryPolicy.DEFAULT, null));
    }

    public Map<String, AttributeValue> delivery(Channel channel) {
        return incidentItem(DeliveryStore.sortKey("dr-rao", channel.id()));
    }

    /** The item {@code sortKey} in the incident's partition; empty when there is none. */
    public Map<String, AttributeValue> incidentItem(String sortKey) {
        return stack.template().backends().dynamoDb().getItem(b -> b.tableName(stack.template().tableName("IncidentsTable"))
                .key(IncidentStore.key(INCIDENT, sortKey))).item();
    }
}
