package sosrelay.passthru;

import static org.assertj.core.api.Assertions.assertThat;
import sosrelay.local.backends.junit.ApiEvents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;
import sosrelay.delivery.DeliveryJob;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.wiring.Wiring;

/** The Passthru handler on the fixtures in events/, against DynamoDB Local and ElasticMQ built from template.yaml. */
class ExotelPassthruHandlerIT {
    private static final String FUNCTION = "ExotelPassthruFunction";
    private static LocalTemplate stack;
    private static Wiring wiring;
    private static ExotelPassthruHandler handler;

    @BeforeAll
    static void startBackends() {
        stack = LocalTemplate.start();
        // EXOTEL_ACCOUNT_SID: the deploy's required parameter; the fixture's recording is in that account's folder.
        wiring = new Wiring(Env.of(stack.environmentOf(FUNCTION, Map.of("SOS_WEBHOOK_SECRET", "local-webhook-secret",
                "EXOTEL_ACCOUNT_SID", "acme"))));
        handler = new ExotelPassthruHandler(wiring);
    }

    @AfterAll
    static void stopBackends() {
        stack.close();
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
        wiring.directory().replace(TestDirectory.heartWithThreePeople());
    }

    @ParameterizedTest
    @Event(value = "events/exotel-passthru.json", type = APIGatewayProxyRequestEvent.class)
    void raisesTheIncidentAndQueuesOneCallPerPersonOfTheType(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        String id = IncidentIds.forSource("exotel-call", "fd7a090139691d5ed3exxg");
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("OK " + id);
        Incident incident = wiring.incidents().find(id).orElseThrow();
        assertThat(incident.type()).isEqualTo("Heart");
        assertThat(incident.typeNote()).isNull();
        assertThat(incident.recording().url()).isEqualTo("https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/acme/xx_0.mp3");
        assertThat(incident.recording().availableAt()).isEqualTo(Instant.parse("2021-07-16T10:17:25Z"));
        assertThat(incident.trigger().reporter()).isEqualTo("0932419xx");
        assertThat(callJobs()).allSatisfy(job -> assertThat(job.incidentCreatedAt()).isNotNull())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("incidentCreatedAt").containsExactlyInAnyOrder(
                passthruJob(id, "dr-rao", "+919800000001"),
                passthruJob(id, "dr-iyer", "+919800000002"),
                passthruJob(id, "nurse-station", "+919800000003"));
    }

    private static DeliveryJob passthruJob(String incidentId, String personId, String phone) {
        return new DeliveryJob(incidentId, personId, phone, Channel.CALL, 1, null, Priority.NORMAL, null, "exotel-call");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-passthru-post.json", type = APIGatewayProxyRequestEvent.class)
    void acceptsTheSameFieldsAsAFormPost(APIGatewayProxyRequestEvent event) {
        assertThat(handler.handleRequest(ApiEvents.of(event), null).getStatusCode()).isEqualTo(200);

        assertThat(wiring.incidents().find(IncidentIds.forSource("exotel-call", "a0posted000000001")).orElseThrow().type())
                .isEqualTo("Heart");
        assertThat(callJobs()).hasSize(3);
    }

    @ParameterizedTest
    @Event(value = "events/exotel-passthru-unknown-type.json", type = APIGatewayProxyRequestEvent.class)
    void anUnknownTypeAlertsTheDefaultGroupAndRecordsWhy(APIGatewayProxyRequestEvent event) {
        assertThat(handler.handleRequest(ApiEvents.of(event), null).getStatusCode()).isEqualTo(200);

        Incident incident = wiring.incidents().find(IncidentIds.forSource("exotel-call", "b7c1unknowntype01")).orElseThrow();
        assertThat(incident.type()).isEqualTo("General");
        assertThat(incident.typeNote()).isEqualTo("unknown emergency type 'Kidney'; alerted the default type General");
        assertThat(callJobs()).extracting(DeliveryJob::personId).containsExactly("duty-manager");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-passthru-ivr-digits.json", type = APIGatewayProxyRequestEvent.class)
    void theQuotedIvrDigitSelectsTheType(APIGatewayProxyRequestEvent event) {
        assertThat(handler.handleRequest(ApiEvents.of(event), null).getStatusCode()).isEqualTo(200);

        assertThat(wiring.incidents().find(IncidentIds.forSource("exotel-call", "c9d2ivrdigits0001")).orElseThrow().type())
                .isEqualTo("Heart");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-passthru-no-recording.json", type = APIGatewayProxyRequestEvent.class)
    void aCallerWhoHungUpBeforeRecordingStillRaisesTheAlarm(APIGatewayProxyRequestEvent event) {
        assertThat(handler.handleRequest(ApiEvents.of(event), null).getStatusCode()).isEqualTo(200);

        Incident incident = wiring.incidents().find(IncidentIds.forSource("exotel-call", "d4e5hungupearly01")).orElseThrow();
        assertThat(incident.recording().url()).isNull();
        assertThat(incident.recording().note()).isNull();
        assertThat(callJobs()).hasSize(3);
    }

    @ParameterizedTest
    @Event(value = "events/exotel-passthru-foreign-recording.json", type = APIGatewayProxyRequestEvent.class)
    void aRecordingOffTheAllowListIsNeverKeptButTheAlarmStillGoesOut(APIGatewayProxyRequestEvent event) {
        assertThat(handler.handleRequest(ApiEvents.of(event), null).getStatusCode()).isEqualTo(200);

        Incident incident = wiring.incidents().find(IncidentIds.forSource("exotel-call", "e6f7foreignrec001")).orElseThrow();
        assertThat(incident.recording().url()).isNull();
        assertThat(incident.recording().note())
                .isEqualTo("recording URL refused: host evil.example.com is not on the recording allow-list");
        assertThat(callJobs()).hasSize(3);
    }

    @ParameterizedTest
    @Event(value = "events/exotel-passthru-wrong-secret.json", type = APIGatewayProxyRequestEvent.class)
    void aWrongSecretRaisesNothing(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(response.getBody()).isEqualTo("wrong webhook secret");
        assertThat(wiring.incidents().find(IncidentIds.forSource("exotel-call", "fd7a090139691d5ed3exxg"))).isEmpty();
        assertThat(callJobs()).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/exotel-passthru-no-callsid.json", type = APIGatewayProxyRequestEvent.class)
    void aRequestWithoutCallSidIsRefusedByName(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(response.getBody()).isEqualTo("CallSid is missing");
        assertThat(callJobs()).isEmpty();
    }

    @Test
    void repeatsOfTheSameCallEvenConcurrentOnesRingNobodyAgain() throws Exception {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/exotel-passthru.json");
        assertThat(handler.handleRequest(ApiEvents.of(event), null).getStatusCode()).isEqualTo(200);
        List<Callable<APIGatewayProxyResponseEvent>> repeats = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            repeats.add(() -> handler.handleRequest(ApiEvents.of(event), null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            for (Future<APIGatewayProxyResponseEvent> repeat : pool.invokeAll(repeats)) {
                assertThat(repeat.get().getStatusCode()).isEqualTo(200);
                assertThat(repeat.get().getBody()).endsWith("(repeat: already raised)");
            }
        } finally {
            pool.shutdown();
        }

        assertThat(callJobs()).hasSize(3);
    }

    @Test
    void concurrentFirstRequestsQueueTheCallsOnce() throws Exception {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/exotel-passthru.json");
        List<Callable<APIGatewayProxyResponseEvent>> copies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            copies.add(() -> handler.handleRequest(ApiEvents.of(event), null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<APIGatewayProxyResponseEvent> copy : pool.invokeAll(copies)) {
                assertThat(copy.get().getStatusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        assertThat(callJobs()).hasSize(3);
    }

    private static List<DeliveryJob> callJobs() {
        return stack.drainQueue("CallJobsQueue").stream().map(DeliveryJob::fromJson).toList();
    }
}
