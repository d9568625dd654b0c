package sosrelay.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.directory.Channel;
import sosrelay.testing.MessageJobStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The WhatsApp worker on events/whatsapp-job.json, with DynamoDB Local from template.yaml and
 * WireMock as GupShup. Stubs match the bare path exactly, so a query string (a password in the URL)
 * would find no stub and fail the test.
 */
class WhatsAppJobHandlerIT {
    private static final String REST = "/GatewayAPI/rest";
    @RegisterExtension
    static final MessageJobStack stack = MessageJobStack.of("WhatsAppJobFunction", Map.of("GUPSHUP_REQUEST_TIMEOUT_MS", "3000"));
    private static WireMockServer gupShup;
    private static WhatsAppJobHandler handler;

    @BeforeAll
    static void start() {
        gupShup = stack.provider();
        handler = new WhatsAppJobHandler(stack.wiring());
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
    }

    private static void gupShupAnswers(String status, String id, String details) {
        gupShup.stubFor(post(urlEqualTo(REST)).willReturn(aResponse().withStatus(200).withBody(
                "{\"response\":{\"id\":\"" + id + "\",\"phone\":\"919800000001\",\"details\":\"" + details + "\",\"status\":\"" + status + "\"}}")));
    }

    @ParameterizedTest
    @Event(value = "events/whatsapp-job.json", type = SQSEvent.class)
    void sendsTheIncidentsTextAndRecordsGupShupsId(SQSEvent event) {
        stack.storeIncident();
        gupShupAnswers("success", "4045551", "");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stack.delivery(Channel.WHATSAPP)).containsEntry("state", AttributeValue.fromS("accepted"))
                .containsEntry("providerId", AttributeValue.fromS("4045551"));
        gupShup.verify(1, postRequestedFor(urlEqualTo(REST)).withFormParam("method", equalTo("OPT_IN"))
                .withFormParam("phone_number", equalTo("919800000001")));
        gupShup.verify(1, postRequestedFor(urlEqualTo(REST)).withFormParam("method", equalTo("SendMessage"))
                .withFormParam("send_to", equalTo("919800000001"))
                .withFormParam("password", equalTo("gupshup-secret"))
                // One pattern per form field (a second withFormParam replaces the first): our own link, never Exotel's URL,
                // and no reply asked for where none can arrive.
                .withFormParam("msg", and(containing("Heart emergency at 3:41 PM"),
                        matching(".* Recording: https://sos\\.example/r/[A-Za-z0-9]{22} Ref: .*"),
                        containing("To acknowledge: Press 1 on the call."), notContaining(MessageJobStack.RECORDING))));
    }

    @ParameterizedTest
    @Event(value = "events/whatsapp-job.json", type = SQSEvent.class)
    void aRedeliveredJobDoesNotSendAgain(SQSEvent event) {
        stack.storeIncident();
        gupShupAnswers("success", "4045551", "");

        handler.handleRequest(event, null);
        SQSBatchResponse again = handler.handleRequest(event, null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        gupShup.verify(1, postRequestedFor(urlEqualTo(REST)).withFormParam("method", equalTo("SendMessage")));
    }

    @ParameterizedTest
    @Event(value = "events/whatsapp-job.json", type = SQSEvent.class)
    void anErrorInA200IsRecordedAsAFailureAndNotRetried(SQSEvent event) {
        stack.storeIncident();
        gupShupAnswers("error", "175", "Invalid phone number");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stack.delivery(Channel.WHATSAPP)).containsEntry("state", AttributeValue.fromS("failed"))
                .containsEntry("error", AttributeValue.fromS("GupShup error 175: Invalid phone number"));
    }

    @ParameterizedTest
    @Event(value = "events/whatsapp-job.json", type = SQSEvent.class)
    void throttlingGoesBackToTheQueue(SQSEvent event) {
        stack.storeIncident();
        gupShupAnswers("error", "", "Rate limit exceeded");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("8e3b2d6a-71c4-4f0e-b6d2-93a5c0f4e712");
        assertThat(stack.delivery(Channel.WHATSAPP)).containsEntry("state", AttributeValue.fromS("claimed"));
    }

    @ParameterizedTest
    @Event(value = "events/whatsapp-job.json", type = SQSEvent.class)
    void aMissingIncidentStillSendsTheGenericText(SQSEvent event) {
        gupShupAnswers("success", "4045552", "");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        gupShup.verify(1, postRequestedFor(urlEqualTo(REST)).withFormParam("method", equalTo("SendMessage"))
                .withFormParam("msg", and(containing("Location: call the emergency desk."),
                        containing("Ref: " + MessageJobStack.INCIDENT))));
    }
}
