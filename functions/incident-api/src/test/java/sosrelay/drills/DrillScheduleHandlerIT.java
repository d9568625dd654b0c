package sosrelay.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.local.backends.junit.TemplateStack;
import sosrelay.wiring.Wiring;

/** The once-a-minute drill check on its fixture in events/, with DrillScheduleFunction's tables and queues from template.yaml. */
class DrillScheduleHandlerIT {
    @RegisterExtension
    static final TemplateStack stack = TemplateStack.of("DrillScheduleFunction").with("DIRECTORY_CACHE_SECONDS", "0");
    private static Wiring wiring;
    private static DrillScheduleHandler handler;

    @BeforeAll
    static void start() {
        wiring = new Wiring(Env.of(stack.environment()));
        handler = new DrillScheduleHandler(wiring);
    }

    @ParameterizedTest
    @Event(value = "events/drill-schedule-check.json", type = Map.class)
    void aDrillDueThisMinuteStartsOnceAndOneDueAnotherDayNot(Map<String, Object> event) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        wiring.directory().replace(Map.of(
                "defaultType", "Fire",
                "people", List.of(Map.of("id", "security-desk", "name", "Security desk", "phone", "9800000028")),
                "types", Map.of("Fire", Map.of("tiers", List.of(Map.of("notify", List.of("security-desk"))))),
                "drills", List.of(
                        Map.of("type", "Fire", "schedule", "cron(" + now.getMinute() + " " + now.getHour() + " ? * * *)"),
                        Map.of("type", "Fire", "schedule", "cron(0 10 1 1 ? " + (now.getYear() + 1) + ")"))));

        Map<String, Object> first = handler.handleRequest(event, null);
        Map<String, Object> again = handler.handleRequest(event, null);

        assertThat((List<?>) first.get("started")).singleElement().satisfies(id -> assertThat(wiring.incidents().find((String) id))
                .hasValueSatisfying(drill -> assertThat(drill.type()).isEqualTo("DRILL Fire")));
        assertThat((List<?>) again.get("started")).as("the same minute's drill is already running").isEmpty();
    }
}
