package sosrelay.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Channel;
import sosrelay.delivery.DeliveryJob;
import sosrelay.incident.IncidentStore;
import sosrelay.local.backends.junit.TemplateStack;
import sosrelay.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The call worker on events/call-job.json, with DynamoDB Local from template.yaml and WireMock as Exotel. */
class CallJobHandlerIT {
    private static final String CONNECT = TemplateStack.EXOTEL_CONNECT;
    private static final String INCIDENT = "inc-f4ozhr7np263xfwdrpb2";
    @RegisterExtension
    static final TemplateStack stack = TemplateStack.of("CallJobFunction").with("EXOTEL_REQUEST_TIMEOUT_MS", "3000");
    private static WireMockServer exotel;
    private static Wiring wiring;
    private static CallJobHandler handler;

    @BeforeAll
    static void start() {
        exotel = stack.provider();
        wiring = new Wiring(Env.of(stack.environment()));
        handler = new CallJobHandler(wiring);
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
    }

    @ParameterizedTest
    @Event(value = "events/call-job.json", type = SQSEvent.class)
    void placesTheCallAndRecordsExotelsSid(SQSEvent event) {
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(200).withBody("{\"Call\":{\"Sid\":\"exo-1\"}}")));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(delivery("dr-rao")).containsEntry("state", AttributeValue.fromS("accepted"))
                .containsEntry("providerId", AttributeValue.fromS("exo-1"));
        exotel.verify(1, postRequestedFor(urlEqualTo(CONNECT)));
    }

    @ParameterizedTest
    @Event(value = "events/call-job.json", type = SQSEvent.class)
    void aRedeliveredJobDoesNotRingAgain(SQSEvent event) {
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(200).withBody("{\"Call\":{\"Sid\":\"exo-1\"}}")));

        handler.handleRequest(event, null);
        SQSBatchResponse again = handler.handleRequest(event, null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        exotel.verify(1, postRequestedFor(urlEqualTo(CONNECT)));
    }

    @ParameterizedTest
    @Event(value = "events/call-job.json", type = SQSEvent.class)
    void aServerErrorIsRetriedThroughSqsAndTheRetryRings(SQSEvent event) {
        exotel.stubFor(post(CONNECT).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("oops")).willSetStateTo("healthy"));
        exotel.stubFor(post(CONNECT).inScenario("flaky").whenScenarioStateIs("healthy")
                .willReturn(aResponse().withStatus(200).withBody("{\"Call\":{\"Sid\":\"exo-2\"}}")));

        SQSBatchResponse first = handler.handleRequest(event, null);
        assertThat(first.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("19dd0b57-b21e-4ac1-bd88-01bbb068cb78");
        assertThat(delivery("dr-rao")).containsEntry("state", AttributeValue.fromS("claimed"))
                .containsEntry("error", AttributeValue.fromS("Exotel 500: oops"));

        SQSBatchResponse retry = handler.handleRequest(event, null);

        assertThat(retry.getBatchItemFailures()).isEmpty();
        assertThat(delivery("dr-rao")).containsEntry("state", AttributeValue.fromS("accepted"))
                .containsEntry("providerId", AttributeValue.fromS("exo-2"));
    }

    @ParameterizedTest
    @Event(value = "events/call-job.json", type = SQSEvent.class)
    void aPermanentRefusalIsRecordedAndNotRetried(SQSEvent event) {
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(400)
                .withBody("{\"RestException\":{\"Status\":400,\"Message\":\"Invalid From number\"}}")));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(delivery("dr-rao")).containsEntry("state", AttributeValue.fromS("failed"))
                .containsEntry("error", AttributeValue.fromS("Exotel 400: Invalid From number"));
    }

    @Test
    void theCallsOfABatchGoOutSideBySide() {
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withBody("{\"Call\":{\"Sid\":\"exo\"}}")));
        SQSEvent batch = batchOf(10);

        SQSBatchResponse response = handler.handleRequest(batch, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<LoggedRequest> requests = exotel.findAll(postRequestedFor(urlEqualTo(CONNECT)));
        assertThat(requests).hasSize(10);
        // Exotel took 1.5 s to answer each: had the calls gone one after another, they would have
        // arrived at least 1.5 s apart. All ten arrived before the first answer could have been sent.
        long first = requests.stream().mapToLong(r -> r.getLoggedDate().getTime()).min().orElseThrow();
        long last = requests.stream().mapToLong(r -> r.getLoggedDate().getTime()).max().orElseThrow();
        assertThat(Duration.ofMillis(last - first)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void aMalformedJobIsFailedSoItReachesTheDeadLetterQueue() {
        SQSEvent event = EventLoader.loadSQSEvent("events/call-job.json");
        event.getRecords().get(0).setBody("{\"incidentId\":\"inc-f4ozhr7np263xfwdrpb2\"}");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        exotel.verify(0, postRequestedFor(urlEqualTo(CONNECT)));
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

    private static Map<String, AttributeValue> delivery(String personId) {
        return stack.template().backends().dynamoDb().getItem(b -> b.tableName(stack.template().tableName("IncidentsTable"))
                .key(IncidentStore.key(INCIDENT, DeliveryStore.sortKey(personId, "call")))).item();
    }
}
