package sosrelay.plivo;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Channel;
import sosrelay.incident.IncidentProgress;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.backends.junit.ApiEvents;
import sosrelay.passthru.ExotelPassthruHandler;
import sosrelay.passthru.TestDirectory;
import sosrelay.wiring.Wiring;

/**
 * Plivo's three webhooks on the signed fixtures of events/ (token {@code plivo-auth-token}, the API's own URL), against
 * DynamoDB Local from template.yaml: Dr. Rao's call placed through Plivo as {@code plivo-<RequestUUID>}.
 */
class PlivoWebhooksIT {
    private static final String INCIDENT = "inc-f4ozhr7np263xfwdrpb2";
    private static final String REQUEST_UUID = "9f1c6a2e-2c4b-4e0a-9b1f-7f1f0d2a6c11";
    private static final Map<String, String> SECRETS = Map.of("SOS_WEBHOOK_SECRET", "local-webhook-secret",
            "PLIVO_AUTH_TOKEN", "plivo-auth-token", "EXOTEL_ACCOUNT_SID", "acme");
    private static LocalTemplate stack;
    private static Wiring passthru;
    private static DeliveryStore deliveries;
    private static IncidentProgress progress;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
        Map<String, String> noCallCheck = new java.util.HashMap<>(SECRETS);
        noCallCheck.put("PASSTHRU_CALL_CHECK", "off");
        passthru = new Wiring(Env.of(stack.environmentOf("ExotelPassthruFunction", noCallCheck)));
        deliveries = new DeliveryStore(passthru.dynamo(), stack.tableName("IncidentsTable"), Clock.systemUTC(), Duration.ofSeconds(60));
        progress = new IncidentProgress(passthru.dynamo(), stack.tableName("IncidentsTable"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void anIncidentWithDrRaosCallPlacedThroughPlivo() {
        stack.reset();
        passthru.directory().replace(TestDirectory.heartWithThreePeople());
        new ExotelPassthruHandler(passthru).handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/exotel-passthru.json")), null);
        DeliveryJob job = new DeliveryJob(INCIDENT, "dr-rao", "+919800000001", Channel.CALL, 1);
        deliveries.claim(job);
        deliveries.accepted(job, "plivo-" + REQUEST_UUID);
    }

    @ParameterizedTest
    @Event(value = "events/plivo-answer.json", type = APIGatewayProxyRequestEvent.class)
    void ourCallHearsTheSummaryInAditisVoiceInsideAGetInputOfOneDigit(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handle(new PlivoAnswerHandler(wiring("PlivoAnswerFunction")), event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/xml");
        assertThat(response.getBody()).startsWith("<?xml")
                .contains("<GetInput action=\"https://abc123.execute-api.ap-south-1.amazonaws.com/Prod/plivo/local-webhook-secret/input?call="
                        + REQUEST_UUID + "&amp;ref=" + INCIDENT + ":dr-rao\" method=\"POST\" inputType=\"dtmf\" numDigits=\"1\"")
                .contains("<Speak voice=\"Polly.Aditi\" language=\"en-IN\">").contains("Heart").contains("Press 1 if you are coming");
        assertThat(wellFormed(response.getBody())).isTrue();
    }

    @ParameterizedTest
    @Event(value = "events/plivo-answer.json", type = APIGatewayProxyRequestEvent.class)
    void anUnsignedAnswerRequestHearsOnlyTheGenericAlert(APIGatewayProxyRequestEvent event) {
        event.getHeaders().put("X-Plivo-Signature-V3", "forged=");
        event.getMultiValueHeaders().put("X-Plivo-Signature-V3", List.of("forged="));

        APIGatewayProxyResponseEvent response = handle(new PlivoAnswerHandler(wiring("PlivoAnswerFunction")), event);

        assertThat(response.getBody()).doesNotContain("GetInput").doesNotContain("Heart").contains("emergency desk");
    }

    @ParameterizedTest
    @Event(value = "events/plivo-input.json", type = APIGatewayProxyRequestEvent.class)
    void pressingOneOnPlivosGetInputAcknowledges(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handle(new PlivoInputHandler(wiring("PlivoInputFunction")), event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("The team knows you are coming");
        assertThat(progress.acknowledgers(INCIDENT)).containsExactly("dr-rao");
    }

    @ParameterizedTest
    @Event(value = "events/plivo-input.json", type = APIGatewayProxyRequestEvent.class)
    void aWronglySignedKeypressChangesNothing(APIGatewayProxyRequestEvent event) {
        event.setBody(event.getBody().replace("Digits=1", "Digits=2"));

        APIGatewayProxyResponseEvent response = handle(new PlivoInputHandler(wiring("PlivoInputFunction")), event);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(progress.acknowledgers(INCIDENT)).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/plivo-input.json", type = APIGatewayProxyRequestEvent.class)
    void aSignedKeypressFromACallWeNeverPlacedAcknowledgesNothing(APIGatewayProxyRequestEvent event) {
        stack.reset();
        passthru.directory().replace(TestDirectory.heartWithThreePeople());
        new ExotelPassthruHandler(passthru).handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/exotel-passthru.json")), null);

        APIGatewayProxyResponseEvent response = handle(new PlivoInputHandler(wiring("PlivoInputFunction")), event);

        assertThat(response.getBody()).contains("could not be recorded");
        assertThat(progress.acknowledgers(INCIDENT)).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/plivo-hangup.json", type = APIGatewayProxyRequestEvent.class)
    void theHangupUrlIsTheStatusCallbackAndARepeatChangesNothing(APIGatewayProxyRequestEvent event) {
        PlivoHangupHandler handler = new PlivoHangupHandler(wiring("PlivoHangupFunction"));

        assertThat(handle(handler, event).getBody()).isEqualTo("recorded");
        assertThat(handle(handler, event).getBody()).isEqualTo("nothing to change");
        assertThat(state()).isEqualTo("no-answer");
    }

    @ParameterizedTest
    @Event(value = "events/plivo-hangup.json", type = APIGatewayProxyRequestEvent.class)
    void anUnsignedHangupChangesNothing(APIGatewayProxyRequestEvent event) {
        event.getHeaders().remove("X-Plivo-Signature-V3");
        event.getMultiValueHeaders().remove("X-Plivo-Signature-V3");

        assertThat(handle(new PlivoHangupHandler(wiring("PlivoHangupFunction")), event).getStatusCode()).isEqualTo(403);
        assertThat(state()).isEqualTo("accepted");
    }

    private static APIGatewayProxyResponseEvent handle(sosrelay.wiring.ApiHandler handler, APIGatewayProxyRequestEvent event) {
        return handler.handleRequest(ApiEvents.of(event), null);
    }

    private static String state() {
        return deliveries.forIncident(INCIDENT).stream().filter(d -> d.personId().equals("dr-rao") && d.channel().equals("call"))
                .findFirst().orElseThrow().state();
    }

    private static boolean wellFormed(String xml) {
        try {
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static Wiring wiring(String function) {
        return new Wiring(Env.of(stack.environmentOf(function, SECRETS)));
    }
}
