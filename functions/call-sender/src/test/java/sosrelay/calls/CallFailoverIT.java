package sosrelay.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Channel;
import sosrelay.incident.IncidentStore;
import sosrelay.local.backends.junit.TemplateStack;
import sosrelay.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The call worker with VOICE_PROVIDERS=exotel,plivo, on DynamoDB Local from template.yaml and one WireMock as both providers. */
class CallFailoverIT {
    private static final String CONNECT = TemplateStack.EXOTEL_CONNECT;
    private static final String PLIVO_CALL = "/v1/Account/MAXXXX/Call/";
    private static final String INCIDENT = "inc-f4ozhr7np263xfwdrpb2";
    @RegisterExtension
    static final TemplateStack stack = TemplateStack.of("CallJobFunction").with("EXOTEL_REQUEST_TIMEOUT_MS", "3000");
    private static WireMockServer providers;
    private static CallJobHandler handler;

    @BeforeAll
    static void start() {
        providers = stack.provider();
        Map<String, String> environment = new HashMap<>(stack.environment());
        environment.putAll(Map.of("VOICE_PROVIDERS", "exotel,plivo", "PLIVO_API_BASE_URL", providers.baseUrl(),
                "PLIVO_AUTH_ID", "MAXXXX", "PLIVO_AUTH_TOKEN", "plivo-token", "PLIVO_CALLER_ID", "918047000000"));
        handler = new CallJobHandler(new Wiring(Env.of(environment)));
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
        providers.stubFor(post(PLIVO_CALL).willReturn(aResponse().withStatus(201)
                .withBody("{\"api_id\":\"a\",\"message\":\"call fired\",\"request_uuid\":\"{{randomValue type='UUID'}}\"}")));
    }

    @Test
    void withExotelHealthyEveryCallGoesThroughExotelAndPlivoPlacesNothing() {
        providers.stubFor(post(CONNECT).willReturn(aResponse().withStatus(200)
                .withBody("{\"Call\":{\"Sid\":\"{{randomValue length=32 type='HEXADECIMAL'}}\"}}")));

        assertThat(handler.handleRequest(batchOf(10), null).getBatchItemFailures()).isEmpty();

        providers.verify(10, postRequestedFor(urlEqualTo(CONNECT)));
        providers.verify(0, postRequestedFor(urlEqualTo(PLIVO_CALL)));
        assertThat(providerIds()).allSatisfy(id -> assertThat(VoiceProviders.nameOf(id)).isEqualTo("exotel"));
    }

    @Test
    void withExotelDownEveryoneIsRungThroughPlivoOnceWithinTheSameBatch() {
        providers.stubFor(post(CONNECT).willReturn(aResponse().withStatus(503).withBody("")));

        assertThat(handler.handleRequest(batchOf(10), null).getBatchItemFailures()).isEmpty();

        providers.verify(10, postRequestedFor(urlEqualTo(PLIVO_CALL)));
        assertThat(providerIds()).hasSize(10).allSatisfy(id -> assertThat(id).startsWith("plivo-"));
        // Each person once: ten distinct numbers, each asked of Plivo once.
        assertThat(providers.findAll(postRequestedFor(urlEqualTo(PLIVO_CALL))).stream()
                .map(request -> request.getBodyAsString().replaceAll(".*\"to\":\"([0-9]+)\".*", "$1")).collect(Collectors.toSet())).hasSize(10);
        // Once open, Exotel is passed over: a later batch does not ask it.
        stack.reset();
        providers.stubFor(post(CONNECT).willReturn(aResponse().withStatus(503).withBody("")));
        providers.stubFor(post(PLIVO_CALL).willReturn(aResponse().withStatus(201)
                .withBody("{\"api_id\":\"a\",\"message\":\"call fired\",\"request_uuid\":\"{{randomValue type='UUID'}}\"}")));
        assertThat(handler.handleRequest(batchOf(10), null).getBatchItemFailures()).isEmpty();
        providers.verify(0, postRequestedFor(urlEqualTo(CONNECT)));
        providers.verify(10, postRequestedFor(urlEqualTo(PLIVO_CALL)));
    }

    private static List<String> providerIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String person = "person-" + i;
            Map<String, AttributeValue> item = stack.template().backends().dynamoDb().getItem(b -> b.tableName(stack.template()
                    .tableName("IncidentsTable")).key(IncidentStore.key(INCIDENT, DeliveryStore.sortKey(person, "call")))).item();
            assertThat(item).containsEntry("state", AttributeValue.fromS("accepted"));
            ids.add(item.get("providerId").s());
        }
        return ids;
    }

    private static SQSEvent batchOf(int size) {
        SQSEvent template = EventLoader.loadSQSEvent("events/call-job.json");
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            SQSEvent.SQSMessage message = EventLoader.loadSQSEvent("events/call-job.json").getRecords().get(0);
            message.setMessageId("message-" + i);
            message.setBody(new DeliveryJob(INCIDENT, "person-" + i, "+91980000001" + i, Channel.CALL, 1).toJson());
            messages.add(message);
        }
        template.setRecords(messages);
        return template;
    }
}
