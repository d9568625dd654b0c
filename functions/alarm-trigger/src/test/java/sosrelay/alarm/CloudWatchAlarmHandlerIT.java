package sosrelay.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryJob;
import sosrelay.directory.Language;
import sosrelay.greeting.SpokenText;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.wiring.Wiring;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The alarm function on the fixtures in events/, with the tables and queues of template.yaml. */
class CloudWatchAlarmHandlerIT {
    private static LocalTemplate stack;
    private static Wiring wiring;
    private static CloudWatchAlarmHandler handler;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
        wiring = new Wiring(Env.of(stack.environmentOf("AlarmFunction", Map.of())));
        handler = new CloudWatchAlarmHandler(wiring);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
        wiring.directory().replace(Map.of(
                "defaultType", "General",
                "people", List.of(
                        Map.of("id", "it-oncall", "name", "IT on-call", "phone", "9800000029", "channels", List.of("call", "sms")),
                        Map.of("id", "duty-manager", "name", "Duty manager", "phone", "9800000026")),
                "types", Map.of(
                        "Server", Map.of("tiers", List.of(Map.of("notify", List.of("it-oncall")))),
                        "General", Map.of("tiers", List.of(Map.of("notify", List.of("duty-manager"))))),
                "alarms", List.of(Map.of("match", "sos-relay-*", "type", "Server"))));
    }

    @ParameterizedTest
    @Event(value = "events/alarm-sns.json", type = Map.class)
    void anAlarmThroughSnsRingsTheMappedTypeAndTheGreetingReadsItAloud(Map<String, Object> event) {
        Map<String, Object> answer = handler.handleRequest(event, null);

        String incidentId = outcome(answer).get("incidentId").toString();
        assertThat(outcome(answer)).containsEntry("outcome", "created").containsEntry("state", "ALARM");
        assertThat(stack.drainQueue("CallJobsQueue")).map(DeliveryJob::fromJson).extracting(DeliveryJob::personId)
                .containsExactly("it-oncall");
        assertThat(stack.drainQueue("SmsJobsQueue")).hasSize(1);
        Incident incident = wiring.incidents().find(incidentId).orElseThrow();
        assertThat(incident.type()).isEqualTo("Server");
        assertThat(SpokenText.summary(incident, Language.EN)).contains("Server emergency, reported by CloudWatch alarm sos-relay-api-5xx")
                .contains("Threshold Crossed");
    }

    @Test
    void theSameStateChangeByBothRoutesAndALaterRefireRingNobodyAgainWhileTheIncidentIsOpen() {
        Map<String, Object> first = outcome(handler.handleRequest(fixture("alarm-sns.json"), null));
        Map<String, Object> sameChangeDirect = outcome(handler.handleRequest(fixture("alarm-direct.json"), null));
        Map<String, Object> refire = outcome(handler.handleRequest(fixture("alarm-direct-refire.json"), null));

        assertThat(sameChangeDirect).containsEntry("outcome", "duplicate").containsEntry("incidentId", first.get("incidentId"));
        assertThat(refire).containsEntry("outcome", "already_open").containsEntry("incidentId", first.get("incidentId"));
        assertThat(stack.drainQueue("CallJobsQueue")).hasSize(1);
    }

    @Test
    void okRingsNobodyIsRecordedOnTheIncidentAndRearmsTheAlarm() {
        String incidentId = outcome(handler.handleRequest(fixture("alarm-sns.json"), null)).get("incidentId").toString();
        stack.drainQueue("CallJobsQueue");

        Map<String, Object> ok = outcome(handler.handleRequest(fixture("alarm-sns-ok.json"), null));

        assertThat(ok).containsEntry("outcome", "recovered").containsEntry("incidentId", incidentId);
        assertThat(stack.drainQueue("CallJobsQueue")).isEmpty();
        Map<String, AttributeValue> item = stack.backends().dynamoDb().getItem(b -> b.tableName(stack.tableName("IncidentsTable"))
                .key(IncidentStore.key(incidentId, "INCIDENT"))).item();
        assertThat(item.get("sourceState").s()).isEqualTo("OK");
        assertThat(item.get("sourceRecoveryNote").s()).startsWith("Threshold Crossed");

        Map<String, Object> next = outcome(handler.handleRequest(fixture("alarm-direct-refire.json"), null));
        assertThat(next).containsEntry("outcome", "created");
        assertThat(next.get("incidentId")).isNotEqualTo(incidentId);
        assertThat(stack.drainQueue("CallJobsQueue")).hasSize(1);
    }

    @Test
    void anOkWithNoOpenIncidentChangesNothing() {
        assertThat(outcome(handler.handleRequest(fixture("alarm-direct-ok.json"), null)))
                .containsEntry("outcome", "recovered").containsEntry("incidentId", null);
        assertThat(stack.drainQueue("CallJobsQueue")).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/alarm-direct-unrouted.json", type = Map.class)
    void anAlarmNoRouteNamesPagesTheOperatorsAndRingsNoWard(Map<String, Object> event) {
        Map<String, Object> answer = outcome(handler.handleRequest(event, null));

        assertThat(answer).containsEntry("outcome", "unrouted: paged the operators").containsEntry("incidentId", null);
        assertThat(stack.drainQueue("CallJobsQueue")).isEmpty();
        assertThat(stack.drainQueue("SmsJobsQueue")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outcome(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("alarms")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixture(String name) {
        return EventLoader.loadEvent("events/" + name, Map.class);
    }
}
