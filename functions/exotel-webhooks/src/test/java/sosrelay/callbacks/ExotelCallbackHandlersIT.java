package sosrelay.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import sosrelay.local.backends.junit.ApiEvents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.ack.ExotelAckHandler;
import sosrelay.ack.ExotelSmsReplyHandler;
import sosrelay.ack.GupShupInboundHandler;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryStatus;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Channel;
import sosrelay.delivery.DeliveryJob;
import sosrelay.incident.IncidentProgress;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.passthru.ExotelPassthruHandler;
import sosrelay.passthru.TestDirectory;
import sosrelay.wiring.Wiring;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The callback and acknowledgement functions on the fixtures in events/ (Exotel's, and GupShup's delivery
 * reports and inbound message): the Heart incident of events/exotel-passthru.json is raised first, and dr-rao's
 * call (exo-call-fixture-1) and text (exo-sms-fixture-1) are placed, as the workers would have.
 */
class ExotelCallbackHandlersIT {
    private static final String INCIDENT = "inc-f4ozhr7np263xfwdrpb2";
    /** The externalId of events/gupshup-delivery.json: the id GupShup's SendMessage answered. */
    private static final String GUPSHUP_ID = "4937213891437419583-123456789012345678";
    /** The secret the fixtures' paths carry; the account the deploy's required ExotelAccountSid names. */
    private static final Map<String, String> SECRET = Map.of("SOS_WEBHOOK_SECRET", "local-webhook-secret",
            "SOS_GUPSHUP_WEBHOOK_SECRET", "local-gupshup-secret", "EXOTEL_ACCOUNT_SID", "acme");
    private static LocalTemplate stack;
    private static Wiring passthru;
    private static DeliveryStore deliveries;
    private static IncidentProgress progress;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
        // The fixture's CallSid is made up: the check of a Passthru's CallSid (a timer 5 s on) is CallSidCheckIT's.
        Map<String, String> noCallCheck = new java.util.HashMap<>(SECRET);
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
    void anIncidentWithDrRaosCallAndTextPlaced() {
        stack.reset();
        passthru.directory().replace(TestDirectory.heartWithThreePeople());
        new ExotelPassthruHandler(passthru).handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/exotel-passthru.json")), null);
        place(new DeliveryJob(INCIDENT, "dr-rao", "+919800000001", Channel.CALL, 1), "exo-call-fixture-1");
        place(new DeliveryJob(INCIDENT, "dr-rao", "+919800000001", Channel.SMS, 1), "exo-sms-fixture-1");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-call-status.json", type = APIGatewayProxyRequestEvent.class)
    void exotelsDefaultMultipartCallbackRecordsTheOutcomeAndSchedulesTheRetry(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = new ExotelCallStatusHandler(wiring("ExotelCallStatusFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(delivery(Channel.CALL).state()).isEqualTo("no-answer");
        // The retry, beside the two timers the Passthru set: the only tier's deadline (after which the incident is
        // unanswered) and the dispatch check that resumes a raise stopped after its write.
        assertThat(stack.backends().sqs().getQueueAttributes(b -> b.queueUrl(queueUrl("TimersQueue"))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes())
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED, "3");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-call-status-json.json", type = APIGatewayProxyRequestEvent.class)
    void aJsonCallbackIsReadToo(APIGatewayProxyRequestEvent event) {
        new ExotelCallStatusHandler(wiring("ExotelCallStatusFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(delivery(Channel.CALL).state()).isEqualTo("completed");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-call-status-form.json", type = APIGatewayProxyRequestEvent.class)
    void aFormEncodedCallbackIsReadTooAndARepeatChangesNothing(APIGatewayProxyRequestEvent event) {
        ExotelCallStatusHandler handler = new ExotelCallStatusHandler(wiring("ExotelCallStatusFunction"));

        assertThat(handler.handleRequest(ApiEvents.of(event), null).getBody()).isEqualTo("recorded");
        assertThat(handler.handleRequest(ApiEvents.of(event), null).getBody()).isEqualTo("nothing to change");
        assertThat(delivery(Channel.CALL).state()).isEqualTo("busy");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-ack.json", type = APIGatewayProxyRequestEvent.class)
    void pressingOneAcknowledges(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = new ExotelAckHandler(wiring("ExotelAckFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(progress.acknowledgers(INCIDENT)).containsExactly("dr-rao");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-ack-forged.json", type = APIGatewayProxyRequestEvent.class)
    void aPressOneFromACallWeNeverPlacedAcknowledgesNothingWhateverItsCustomFieldSays(APIGatewayProxyRequestEvent forged) {
        APIGatewayProxyResponseEvent response = new ExotelAckHandler(wiring("ExotelAckFunction")).handleRequest(ApiEvents.of(forged), null);

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(progress.acknowledgers(INCIDENT)).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/exotel-ack.json", type = APIGatewayProxyRequestEvent.class)
    void aPressOneFromOurCallCountsOnlyForThePersonWeCalled(APIGatewayProxyRequestEvent event) {
        event.getMultiValueQueryStringParameters().put("CustomField", java.util.List.of(INCIDENT + ":dr-iyer"));
        event.getQueryStringParameters().put("CustomField", INCIDENT + ":dr-iyer");

        APIGatewayProxyResponseEvent response = new ExotelAckHandler(wiring("ExotelAckFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(302);
        assertThat(progress.acknowledgers(INCIDENT)).isEmpty();
    }

    /**
     * Issue 23: a press 1 is heard during the call; once the call is past its time limit (ring time, Exotel's
     * TimeLimit and two minutes, 30 + 600 + 120 s by default) a press 1 naming it is a replay and counts nothing.
     */
    @ParameterizedTest
    @Event(value = "events/exotel-ack.json", type = APIGatewayProxyRequestEvent.class)
    void aPressOneAfterTheCallsTimeLimitAcknowledgesNothing(APIGatewayProxyRequestEvent event) {
        DeliveryStore placedLongAgo = new DeliveryStore(passthru.dynamo(), stack.tableName("IncidentsTable"),
                Clock.fixed(java.time.Instant.now().minus(Duration.ofSeconds(30 + 600 + 120 + 5)), java.time.ZoneOffset.UTC),
                Duration.ofSeconds(60));
        placedLongAgo.accepted(new DeliveryJob(INCIDENT, "dr-rao", "+919800000001", Channel.CALL, 1), "exo-call-fixture-1");

        APIGatewayProxyResponseEvent late = new ExotelAckHandler(wiring("ExotelAckFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(late.getStatusCode()).isEqualTo(302);
        assertThat(progress.acknowledgers(INCIDENT)).isEmpty();
        new DeliveryStore(passthru.dynamo(), stack.tableName("IncidentsTable"),
                Clock.fixed(java.time.Instant.now().minus(Duration.ofSeconds(30 + 600 + 120 - 30)), java.time.ZoneOffset.UTC),
                Duration.ofSeconds(60)).accepted(new DeliveryJob(INCIDENT, "dr-rao", "+919800000001", Channel.CALL, 1), "exo-call-fixture-1");
        assertThat(new ExotelAckHandler(wiring("ExotelAckFunction")).handleRequest(ApiEvents.of(event), null).getStatusCode())
                .as("still within the limit").isEqualTo(200);
        assertThat(progress.acknowledgers(INCIDENT)).containsExactly("dr-rao");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-ack.json", type = APIGatewayProxyRequestEvent.class)
    void aPressOneWithTheSmsProviderIdAcknowledgesNothing(APIGatewayProxyRequestEvent event) {
        event.getMultiValueQueryStringParameters().put("CallSid", java.util.List.of("exo-sms-fixture-1"));
        event.getQueryStringParameters().put("CallSid", "exo-sms-fixture-1");

        new ExotelAckHandler(wiring("ExotelAckFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(progress.acknowledgers(INCIDENT)).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/exotel-sms-status.json", type = APIGatewayProxyRequestEvent.class)
    void theSmsStatusIsRecorded(APIGatewayProxyRequestEvent event) {
        new ExotelSmsStatusHandler(wiring("ExotelSmsStatusFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(delivery(Channel.SMS).state()).isEqualTo("sent");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-sms-reply.json", type = APIGatewayProxyRequestEvent.class)
    void anSmsReplyWithTheCodeAcknowledges(APIGatewayProxyRequestEvent event) {
        String code = new sosrelay.ack.AckCodes(passthru.dynamo(), stack.tableName("IncidentsTable"), Clock.systemUTC()).issue(INCIDENT, "dr-rao");
        event.setBody(event.getBody().replace("865701", code));

        APIGatewayProxyResponseEvent response = new ExotelSmsReplyHandler(wiring("ExotelSmsReplyFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(response.getBody()).isEqualTo("Acknowledged. Thank you.");
        assertThat(progress.acknowledgers(INCIDENT)).containsExactly("dr-rao");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-call-status-json.json", type = APIGatewayProxyRequestEvent.class)
    void aCallbackThatBeatsTheWorkersRecordOfTheSidIsKeptAndAppliedOnceItIsRecorded(APIGatewayProxyRequestEvent event) {
        Wiring wiring = wiring("ExotelCallStatusFunction");
        DeliveryJob retry = new DeliveryJob(INCIDENT, "dr-rao", "+919800000001", Channel.CALL, 2);
        deliveries.claim(retry);
        event.setBody("{\"CallSid\": \"exo-call-early-2\", \"Status\": \"busy\", \"EventType\": \"terminal\","
                + " \"CustomField\": \"" + INCIDENT + ":dr-rao\"}");

        assertThat(new ExotelCallStatusHandler(wiring).handleRequest(ApiEvents.of(event), null).getBody()).isEqualTo("kept until the CallSid is recorded");
        assertThat(delivery(Channel.CALL).state()).isEqualTo("claimed");

        // The worker's record of the Sid, as it writes it: the condition that no report is kept fails, so it applies the one kept.
        assertThat(deliveries.accepted(retry, "exo-call-early-2", java.time.Instant.now(), wiring.deliveryOutcomes().noneKept("exo-call-early-2"))).isTrue();
        wiring.deliveryOutcomes().applyKept("exo-call-early-2");

        assertThat(delivery(Channel.CALL).state()).isEqualTo("busy");
        assertThat(delivery(Channel.CALL).attempt()).isEqualTo(2);
    }

    @ParameterizedTest
    @Event(value = "events/exotel-call-status-json.json", type = APIGatewayProxyRequestEvent.class)
    void aCallbackForASidNeverPlacedIsNotKeptEvenWithARealCustomField(APIGatewayProxyRequestEvent event) {
        event.setBody("{\"CallSid\": \"exo-call-forged-1\", \"Status\": \"completed\", \"CustomField\": \"" + INCIDENT + ":dr-rao\"}");

        assertThat(new ExotelCallStatusHandler(wiring("ExotelCallStatusFunction")).handleRequest(ApiEvents.of(event), null).getBody())
                .isEqualTo("nothing to change");
        assertThat(delivery(Channel.CALL).state()).isEqualTo("accepted");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-call-status-json.json", type = APIGatewayProxyRequestEvent.class)
    void aCallAnAnsweringMachineTookCountsAsUnanswered(APIGatewayProxyRequestEvent event) {
        event.setBody(event.getBody().replace("\"OnCallDuration\": 41", "\"OnCallDuration\": 41, \"AnsweredBy\": \"machine_end_beep\""));

        new ExotelCallStatusHandler(wiring("ExotelCallStatusFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(delivery(Channel.CALL).state()).isEqualTo("no-answer");
    }

    @ParameterizedTest
    @Event(value = "events/exotel-sms-reply.json", type = APIGatewayProxyRequestEvent.class)
    void anSmsReplyWithTheCodeTheRefUsedToGiveAcknowledgesNothing(APIGatewayProxyRequestEvent event) {
        // 865701 is what the incident id used to derive; codes are random now, and this one was never issued.
        APIGatewayProxyResponseEvent response = new ExotelSmsReplyHandler(wiring("ExotelSmsReplyFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(response.getBody()).startsWith("No emergency with code 865701");
        assertThat(progress.acknowledgers(INCIDENT)).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/gupshup-delivery.json", type = APIGatewayProxyRequestEvent.class)
    void gupShupsDeliveryReportsTakeTheWhatsAppToRead(APIGatewayProxyRequestEvent event) {
        place(new DeliveryJob(INCIDENT, "dr-rao", "+919800000001", Channel.WHATSAPP, 1), GUPSHUP_ID);

        APIGatewayProxyResponseEvent response = new GupShupDeliveryHandler(wiring("GupShupDeliveryFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(delivery(Channel.WHATSAPP).state()).isEqualTo("read");
    }

    @ParameterizedTest
    @Event(value = "events/gupshup-delivery.json", type = APIGatewayProxyRequestEvent.class)
    void gupShupsWebhooksTakeGupShupsOwnSecretAndNotExotels(APIGatewayProxyRequestEvent event) {
        place(new DeliveryJob(INCIDENT, "dr-rao", "+919800000001", Channel.WHATSAPP, 1), GUPSHUP_ID);
        event.setPathParameters(Map.of("secret", "local-webhook-secret"));

        assertThat(new GupShupDeliveryHandler(wiring("GupShupDeliveryFunction")).handleRequest(ApiEvents.of(event), null).getStatusCode())
                .as("one secret per provider: Exotel's opens no GupShup route").isEqualTo(403);
        assertThat(delivery(Channel.WHATSAPP).state()).isNotEqualTo("read");
    }

    @ParameterizedTest
    @Event(value = "events/gupshup-delivery.json", type = APIGatewayProxyRequestEvent.class)
    void aDeliveryReportThatBeatsTheWorkersRecordIsKeptAndAppliedOnceTheIdIsRecorded(APIGatewayProxyRequestEvent event) {
        DeliveryJob whatsApp = new DeliveryJob(INCIDENT, "dr-rao", "+919800000001", Channel.WHATSAPP, 1);
        deliveries.claim(whatsApp);
        // READ first, then a late DELIVERED: the later report must not hide the further one.
        java.util.List<Object> reports = sosrelay.json.Json.readList(event.getBody());
        java.util.Collections.reverse(reports);
        event.setBody(sosrelay.json.Json.write(reports));

        assertThat(new GupShupDeliveryHandler(wiring("GupShupDeliveryFunction")).handleRequest(ApiEvents.of(event), null).getStatusCode()).isEqualTo(200);
        assertThat(delivery(Channel.WHATSAPP).state()).isEqualTo("claimed");

        Wiring worker = wiring("WhatsAppJobFunction");
        assertThat(deliveries.accepted(whatsApp, GUPSHUP_ID, java.time.Instant.now(), worker.deliveryOutcomes().noneKept(GUPSHUP_ID))).isTrue();
        worker.deliveryOutcomes().applyKept(GUPSHUP_ID);

        assertThat(delivery(Channel.WHATSAPP).state()).as("the furthest report kept, not the last").isEqualTo("read");
    }

    @ParameterizedTest
    @Event(value = "events/gupshup-inbound.json", type = APIGatewayProxyRequestEvent.class)
    void aWhatsAppReplyWithTheCodeAcknowledges(APIGatewayProxyRequestEvent event) {
        String code = new sosrelay.ack.AckCodes(passthru.dynamo(), stack.tableName("IncidentsTable"), Clock.systemUTC()).issue(INCIDENT, "dr-rao");
        event.setBody(event.getBody().replace("482913", code));

        APIGatewayProxyResponseEvent response = new GupShupInboundHandler(wiring("GupShupInboundFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(progress.acknowledgers(INCIDENT)).containsExactly("dr-rao");
    }

    @ParameterizedTest
    @Event(value = "events/gupshup-inbound.json", type = APIGatewayProxyRequestEvent.class)
    void aWhatsAppReplyWithACodeNeverIssuedIsAnswered200AndAcknowledgesNothing(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = new GupShupInboundHandler(wiring("GupShupInboundFunction")).handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).as("GupShup re-posts anything else").isEqualTo(200);
        assertThat(progress.acknowledgers(INCIDENT)).isEmpty();
    }

    private static Wiring wiring(String function) {
        return new Wiring(Env.of(stack.environmentOf(function, SECRET)));
    }

    private static void place(DeliveryJob job, String providerId) {
        deliveries.claim(job);
        assertThat(deliveries.accepted(job, providerId, java.time.Instant.now(), wiring("WhatsAppJobFunction").deliveryOutcomes().noneKept(providerId)))
                .as("no report came first: nothing to look for").isFalse();
    }

    private static DeliveryStatus delivery(Channel channel) {
        return deliveries.forIncident(INCIDENT).stream()
                .filter(d -> d.personId().equals("dr-rao") && d.channel().equals(channel.id())).findFirst().orElseThrow();
    }

    private static String queueUrl(String queue) {
        return stack.backends().sqs().getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }
}
