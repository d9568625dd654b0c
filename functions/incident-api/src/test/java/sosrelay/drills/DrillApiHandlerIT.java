package sosrelay.drills;

import static org.assertj.core.api.Assertions.assertThat;
import sosrelay.local.backends.junit.ApiEvents;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.json.Json;
import sosrelay.local.backends.junit.TemplateStack;
import sosrelay.wiring.Wiring;

/** Test calls and drills on the fixtures in events/, with DrillApiFunction's tables and queues from template.yaml. */
class DrillApiHandlerIT {
    @RegisterExtension
    static final TemplateStack stack = TemplateStack.of("DrillApiFunction");
    private static Wiring wiring;
    private static DrillApiHandler handler;

    @BeforeAll
    static void start() {
        wiring = new Wiring(Env.of(stack.environment()));
        handler = new DrillApiHandler(wiring);
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
        wiring.directory().replace(Map.of(
                "defaultType", "Fire",
                "people", List.of(
                        Map.of("id", "security-desk", "name", "Security desk", "phone", "9800000028", "channels", List.of("call", "sms")),
                        Map.of("id", "duty-manager", "name", "Duty manager", "phone", "9800000026")),
                "types", Map.of("Fire", Map.of("tiers", List.of(
                        Map.of("notify", List.of("security-desk"), "required", 1),
                        Map.of("notify", List.of("duty-manager")))))));
    }

    @ParameterizedTest
    @Event(value = "events/drill-start.json", type = APIGatewayProxyRequestEvent.class)
    void aDrillQueuesTheFirstTierAndItsReportSaysNobodyIsReachedYet(APIGatewayProxyRequestEvent start) {
        APIGatewayProxyResponseEvent started = handler.handleRequest(ApiEvents.of(start), null);

        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(202);
        Map<String, Object> answer = Json.readObject(started.getBody());
        assertThat(answer).containsEntry("type", "Fire").containsEntry("jobs", 2);
        String drillId = (String) answer.get("drillId");
        assertThat(wiring.incidents().find(drillId)).hasValueSatisfying(drill -> {
            assertThat(drill.type()).isEqualTo("DRILL Fire");
            assertThat(drill.trigger().exercise()).isTrue();
            assertThat(drill.trigger().reportTo()).isNull();
        });

        APIGatewayProxyRequestEvent get = start.withHttpMethod("GET").withBody(null).withPathParameters(Map.of("drillId", drillId));
        Map<String, Object> report = Json.readObject(handler.handleRequest(ApiEvents.of(get), null).getBody());
        assertThat(report).containsEntry("drillId", drillId).containsEntry("status", "open");
        assertThat((List<?>) report.get("people")).extracting(p -> ((Map<?, ?>) p).get("id"), p -> ((Map<?, ?>) p).get("reached"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("security-desk", false), org.assertj.core.groups.Tuple.tuple("duty-manager", false));
        assertThat((List<?>) report.get("tiers")).first().asString().contains("met=false", "required=1");
    }

    @ParameterizedTest
    @Event(value = "events/test-call.json", type = APIGatewayProxyRequestEvent.class)
    void aTestCallIsOneCallToOnePersonAndNeedsASignedInOperator(APIGatewayProxyRequestEvent testCall) {
        APIGatewayProxyResponseEvent started = handler.handleRequest(ApiEvents.of(testCall), null);

        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(202);
        String incidentId = (String) Json.readObject(started.getBody()).get("incidentId");
        assertThat(wiring.incidents().find(incidentId)).hasValueSatisfying(call -> {
            assertThat(call.recipients()).singleElement().satisfies(p -> assertThat(p.channels()).extracting(c -> c.id()).containsExactly("call"));
            assertThat(call.tiers()).hasSize(1);
            assertThat(call.retry().attempts()).isEqualTo(1);
        });

        testCall.getRequestContext().setAuthorizer(null);
        assertThat(handler.handleRequest(ApiEvents.of(testCall), null).getStatusCode()).as("no authorizer ran: no operator").isEqualTo(401);
    }

    /** Issue 23: a stolen operator session cannot loop test calls on one doctor. */
    @ParameterizedTest
    @Event(value = "events/test-call.json", type = APIGatewayProxyRequestEvent.class)
    void aSecondTestCallToThePersonWithinTenMinutesGets429AndRingsNobody(APIGatewayProxyRequestEvent testCall) {
        assertThat(handler.handleRequest(ApiEvents.of(testCall), null).getStatusCode()).isEqualTo(202);
        assertThat(stack.template().drainQueue("CallJobsQueue")).hasSize(1);

        APIGatewayProxyResponseEvent again = handler.handleRequest(ApiEvents.of(testCall), null);

        assertThat(again.getStatusCode()).isEqualTo(429);
        assertThat(again.getBody()).contains("less than 10 minutes ago", "one test call per person per 10 minutes");
        assertThat(stack.template().drainQueue("CallJobsQueue")).as("nobody rung").isEmpty();
        assertThat(stack.template().drainQueue("UrgentCallJobsQueue")).isEmpty();
    }

    /** Issue 23: the same people are busy with the real one; and a drill never takes the high-priority reserve. */
    @ParameterizedTest
    @Event(value = "events/drill-start.json", type = APIGatewayProxyRequestEvent.class)
    void noDrillRunsWhileARealIncidentOfItsTypeIsUnresolvedAndADrillIsNeverHighPriority(APIGatewayProxyRequestEvent start) {
        Map<String, Object> urgent = new java.util.HashMap<>();
        urgent.put("defaultType", "Fire");
        urgent.put("people", List.of(Map.of("id", "security-desk", "name", "Security desk", "phone", "9800000028")));
        urgent.put("types", Map.of("Fire", Map.of("priority", "high", "tiers", List.of(Map.of("notify", List.of("security-desk"))))));
        wiring.directory().replace(urgent);
        sosrelay.incident.Incident real = new sosrelay.incident.Incident(sosrelay.incident.IncidentIds.random(),
                new sosrelay.incident.Trigger("device", null, "panel-7", java.time.Instant.now(), "Smoke", null, null), "Fire", null,
                new sosrelay.incident.Recording(null, null, null), List.of(), List.of(), sosrelay.directory.RetryPolicy.DEFAULT, null);
        wiring.incidents().create(real);

        APIGatewayProxyResponseEvent refused = handler.handleRequest(ApiEvents.of(start), null);

        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(refused.getBody()).contains("a real Fire incident is not resolved yet: no Fire drill until it is");
        assertThat(stack.template().drainQueue("CallJobsQueue")).as("nobody rung").isEmpty();
        assertThat(stack.template().drainQueue("UrgentCallJobsQueue")).isEmpty();

        new sosrelay.incident.IncidentProgress(wiring.dynamo(), stack.template().tableName("IncidentsTable"), java.time.Clock.systemUTC())
                .resolve(real.id());
        APIGatewayProxyResponseEvent after = handler.handleRequest(ApiEvents.of(start), null);

        assertThat(after.getStatusCode()).as(after.getBody()).isEqualTo(202);
        assertThat(wiring.incidents().find((String) Json.readObject(after.getBody()).get("drillId")).orElseThrow().priority())
                .isEqualTo(sosrelay.directory.Priority.NORMAL);
        assertThat(stack.template().drainQueue("UrgentCallJobsQueue")).as("a Fire emergency's calls would go here").isEmpty();
        assertThat(stack.template().drainQueue("CallJobsQueue")).hasSize(1);
    }

    /** Issue 23: an operator's test calls and drills together are limited per clock hour. */
    @ParameterizedTest
    @Event(value = "events/drill-start.json", type = APIGatewayProxyRequestEvent.class)
    void anOperatorPastTheHourlyQuotaGets429(APIGatewayProxyRequestEvent start) {
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i <= DrillApi.OPERATOR_HOURLY; i++) {
            statuses.add(handler.handleRequest(ApiEvents.of(start), null).getStatusCode());
        }
        stack.template().drainQueue("CallJobsQueue");

        assertThat(statuses).hasSize(DrillApi.OPERATOR_HOURLY + 1).last().isEqualTo(429);
        assertThat(statuses.subList(0, DrillApi.OPERATOR_HOURLY)).containsOnly(202);
        APIGatewayProxyResponseEvent over = handler.handleRequest(ApiEvents.of(start), null);
        assertThat(over.getBody()).contains("operator quota reached");
        assertThat(stack.template().drainQueue("CallJobsQueue")).isEmpty();
    }
}
