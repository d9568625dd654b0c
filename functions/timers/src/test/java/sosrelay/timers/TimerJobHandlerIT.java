package sosrelay.timers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryJob;
import sosrelay.incident.IncidentProgress;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.web.WebRequest;
import sosrelay.wiring.Wiring;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The timer function on events/timer-escalate.json: the Heart incident's first tier has had its time. */
class TimerJobHandlerIT {
    private static final String INCIDENT = "inc-f4ozhr7np263xfwdrpb2";
    private static LocalTemplate stack;
    private static Wiring wiring;
    private static TimerJobHandler handler;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
        wiring = new Wiring(Env.of(stack.environmentOf("TimerFunction", Map.of("SOS_WEBHOOK_SECRET", "local-webhook-secret",
                // The deploy's required account; its Passthrus are made up, and the check of their CallSids is CallSidCheckIT's.
                "EXOTEL_ACCOUNT_SID", "acme", "PASSTHRU_CALL_CHECK", "off",
                // The rest of the account the timers' call-details look-ups and recording fetches use, read at init.
                "EXOTEL_API_KEY", "acme-key", "EXOTEL_API_TOKEN", "acme-token", "EXOTEL_CALLER_ID", "08047000000",
                "EXOTEL_FLOW_URL", "http://my.exotel.com/acme/exoml/start_voice/926", "SOS_PUBLIC_BASE_URL", "https://sos.example.in"))));
        handler = new TimerJobHandler(wiring);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void aHeartIncidentWithTwoTiers() {
        stack.reset();
        wiring.directory().replace(Map.of(
                "defaultType", "Heart",
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "9800000001"),
                        Map.of("id", "duty-manager", "name", "Duty manager", "phone", "9800000003")),
                "types", Map.of("Heart", Map.of("tiers", List.of(
                        Map.of("notify", List.of("dr-rao"), "escalateAfter", "5m"),
                        Map.of("notify", List.of("duty-manager")))))));
        wiring.passthruWebhook().handle(new WebRequest("GET", Map.of("secret", "local-webhook-secret"),
                Map.of("CallSid", List.of("fd7a090139691d5ed3exxg")), Map.of(), null, false, null));
        stack.drainQueue("CallJobsQueue");
    }

    @ParameterizedTest
    @Event(value = "events/timer-escalate.json", type = SQSEvent.class)
    void aDueEscalationNotifiesTheNextTierOnceEvenIfTheTimerComesTwice(SQSEvent event) {
        assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();
        assertThat(handler.handleRequest(event, null).getBatchItemFailures()).isEmpty();

        assertThat(stack.drainQueue("CallJobsQueue")).map(DeliveryJob::fromJson).extracting(DeliveryJob::personId)
                .containsExactly("duty-manager");
        assertThat(new IncidentProgress(wiring.dynamo(), stack.tableName("IncidentsTable"), Clock.systemUTC()).state(INCIDENT))
                .contains(new IncidentProgress.State(IncidentProgress.OPEN, 1));
    }

    @Test
    void aTimerDueLaterThanSqsCanDelayIsSentOn() {
        SQSEvent event = EventLoader.loadSQSEvent("events/timer-escalate.json");
        event.getRecords().get(0).setBody(TimerJob.escalate(Instant.now().plusSeconds(3600), INCIDENT, 0, 0).toJson());
        int delayedBefore = delayedTimers();

        handler.handleRequest(event, null);

        assertThat(stack.drainQueue("CallJobsQueue")).isEmpty();
        assertThat(delayedTimers()).isEqualTo(delayedBefore + 1);
    }

    /** Timers waiting in the queue (the raise itself set the first tier's). */
    private static int delayedTimers() {
        String timers = stack.backends().sqs().getQueueUrl(b -> b.queueName("TimersQueue")).queueUrl();
        return Integer.parseInt(stack.backends().sqs().getQueueAttributes(b -> b.queueUrl(timers)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }
}
