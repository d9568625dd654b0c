package sosrelay.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.delivery.DeliveryJob;
import sosrelay.incident.Incident;
import sosrelay.local.backends.junit.TemplateStack;
import sosrelay.wiring.Wiring;

/** The scheduled heartbeat check on its fixture in events/, with the tables and queues of template.yaml. */
class HeartbeatCheckHandlerIT {
    @RegisterExtension
    static final TemplateStack stack = TemplateStack.of("HeartbeatCheckFunction");
    private static Wiring wiring;
    private static HeartbeatCheckHandler handler;
    private static HeartbeatStore beats;

    @BeforeAll
    static void start() {
        wiring = new Wiring(Env.of(stack.environment()));
        handler = new HeartbeatCheckHandler(wiring);
        beats = new HeartbeatStore(wiring.dynamo(), stack.template().tableName("IncidentsTable"));
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
        wiring.directory().replace(Map.of(
                "defaultType", "General",
                "people", List.of(
                        Map.of("id", "security-desk", "name", "Security desk", "phone", "9800000028"),
                        Map.of("id", "duty-manager", "name", "Duty manager", "phone", "9800000026")),
                "types", Map.of(
                        "Fire", Map.of("tiers", List.of(Map.of("notify", List.of("security-desk")))),
                        "General", Map.of("tiers", List.of(Map.of("notify", List.of("duty-manager"))))),
                "heartbeats", List.of(
                        Map.of("source", "panel-7", "expectEvery", "5m", "type", "Fire"),
                        Map.of("source", "panel-8", "expectEvery", "5m", "type", "Fire"))));
    }

    @ParameterizedTest
    @Event(value = "events/heartbeat-check.json", type = Map.class)
    void aSourceSilentPastItsIntervalRaisesItsTypeOnceSayingSinceWhen(Map<String, Object> event) {
        Instant lastBeat = Instant.now().minus(Duration.ofMinutes(7));
        beats.beat("panel-7", lastBeat);
        beats.beat("panel-8", Instant.now().minus(Duration.ofMinutes(1)));

        List<?> raised = (List<?>) handler.handleRequest(event, null).get("raised");
        List<?> again = (List<?>) handler.handleRequest(event, null).get("raised");

        assertThat(raised).as("panel-7 only: panel-8 beat a minute ago").hasSize(1);
        assertThat(again).as("the same silence is one incident").isEmpty();
        Incident incident = wiring.incidents().find(raised.get(0).toString()).orElseThrow();
        assertThat(incident.type()).isEqualTo("Fire");
        assertThat(incident.trigger().description()).isEqualTo("panel-7 silent since "
                + java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.of("Asia/Kolkata")).format(lastBeat));
        assertThat(stack.template().drainQueue("CallJobsQueue")).singleElement()
                .satisfies(job -> assertThat(DeliveryJob.fromJson(job).personId()).isEqualTo("security-desk"));
    }

    @ParameterizedTest
    @Event(value = "events/heartbeat-check.json", type = Map.class)
    void aSourceNeverHeardFromCountsItsSilenceFromTheFirstCheck(Map<String, Object> event) {
        assertThat((List<?>) handler.handleRequest(event, null).get("raised")).as("watching starts now").isEmpty();
        assertThat(beats.silentSince("panel-7", Instant.now().plusSeconds(3600)))
                .as("the first check is remembered, not moved on by later ones").isBefore(Instant.now().plusSeconds(1));
        assertThat(stack.template().drainQueue("CallJobsQueue")).isEmpty();
    }
}
