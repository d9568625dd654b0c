package sosrelay.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import sosrelay.directory.Language;
import sosrelay.table.TableKeys;
import sosrelay.testing.MessageJobStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SMS worker on events/sms-job.json, with DynamoDB Local from template.yaml and WireMock as Exotel; Hindi is switched
 * on, so a person's directory language picks their text, its words, its DLT template and Exotel's unicode encoding.
 */
class SmsJobHandlerIT {
    private static final String SEND = "/v1/Accounts/acme/Sms/send.json";
    private static final String HINDI_ALERT = "1107000000000000101";
    @RegisterExtension
    static final MessageJobStack stack = MessageJobStack.of("SmsJobFunction", Map.of("EXOTEL_REQUEST_TIMEOUT_MS", "3000",
            "TEXT_LANGUAGES", "en,hi", "EXOTEL_DLT_TEMPLATE_ID_HI", HINDI_ALERT, "EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID_HI", "1107000000000000102",
            "EXOTEL_DLT_COMING_TEMPLATE_ID_HI", "1107000000000000103"));
    private static WireMockServer exotel;
    private static SmsJobHandler handler;

    @BeforeAll
    static void start() {
        exotel = stack.provider();
        handler = new SmsJobHandler(stack.wiring());
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
    }

    private static void exotelAccepts() {
        exotel.stubFor(post(SEND).willReturn(aResponse().withStatus(200).withBody("{\"SMSMessage\":{\"Sid\":\"sms-1\"}}")));
    }

    @ParameterizedTest
    @Event(value = "events/sms-job.json", type = SQSEvent.class)
    void sendsTheIncidentsTextAndRecordsExotelsSid(SQSEvent event) {
        stack.storeIncident();
        exotelAccepts();

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stack.delivery(Channel.SMS)).containsEntry("state", AttributeValue.fromS("accepted"))
                .containsEntry("providerId", AttributeValue.fromS("sms-1"));
        exotel.verify(1, postRequestedFor(urlEqualTo(SEND))
                .withFormParam("To", equalTo("+919800000001"))
                .withFormParam("DltTemplateId", equalTo("1107000000000000001"))
                .withFormParam("StatusCallback", equalTo("https://sos.example/exotel/local-webhook-secret/sms-status"))
                .withFormParam("Body", matching("SOS Relay: Heart emergency at 3:41 PM\\."
                        + " Location: none\\. Recording: https://sos\\.example/r/[A-Za-z0-9]{22} Ref: " + MessageJobStack.INCIDENT
                        + "\\. To acknowledge: Press 1 on the call\\.")));
        assertThat(stack.incidentItem(TableKeys.personsCode("dr-rao"))).as("no reply number: the text shows no code, so none is issued")
                .isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/sms-job.json", type = SQSEvent.class)
    void aRedeliveredJobDoesNotSendAgain(SQSEvent event) {
        stack.storeIncident();
        exotelAccepts();

        handler.handleRequest(event, null);
        SQSBatchResponse again = handler.handleRequest(event, null);

        assertThat(again.getBatchItemFailures()).isEmpty();
        exotel.verify(1, postRequestedFor(urlEqualTo(SEND)));
    }

    @ParameterizedTest
    @Event(value = "events/sms-job.json", type = SQSEvent.class)
    void aPermanentRefusalIsRecordedAndNotRetried(SQSEvent event) {
        stack.storeIncident();
        exotel.stubFor(post(SEND).willReturn(aResponse().withStatus(400)
                .withBody("{\"RestException\":{\"Status\":400,\"Message\":\"No valid sender id found\"}}")));

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(stack.delivery(Channel.SMS)).containsEntry("state", AttributeValue.fromS("failed"))
                .containsEntry("error", AttributeValue.fromS("Exotel 400: No valid sender id found"));
    }

    @ParameterizedTest
    @Event(value = "events/sms-job.json", type = SQSEvent.class)
    void aMissingIncidentStillSendsTheGenericText(SQSEvent event) {
        exotelAccepts();

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        exotel.verify(1, postRequestedFor(urlEqualTo(SEND))
                // One pattern per form field: a second withFormParam would replace the first.
                .withFormParam("Body", and(containing("Location: call the emergency desk."), containing("Ref: " + MessageJobStack.INCIDENT))));
        assertThat(stack.delivery(Channel.SMS)).containsEntry("state", AttributeValue.fromS("accepted"));
    }

    @ParameterizedTest
    @Event(value = "events/sms-job.json", type = SQSEvent.class)
    void aHindiReaderGetsTheHindiTextUnderItsOwnDltTemplate(SQSEvent event) {
        stack.storeIncident(Language.HI);
        exotelAccepts();

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        exotel.verify(1, postRequestedFor(urlEqualTo(SEND))
                .withFormParam("DltTemplateId", equalTo(HINDI_ALERT))
                .withFormParam("EncodingType", equalTo("unicode"))
                .withFormParam("Body", matching("SOS Relay: Heart आपातकाल, समय 15:41\\. स्थान: कोई नहीं\\."
                        + " रिकॉर्डिंग: https://sos\\.example/r/[A-Za-z0-9]{22} संदर्भ: "
                        + MessageJobStack.INCIDENT + "\\. पुष्टि के लिए: कॉल पर 1 दबाएँ\\.")));
    }
}
