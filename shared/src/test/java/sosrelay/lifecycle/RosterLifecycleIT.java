package sosrelay.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A roster is asked again for each retry: someone whose shift ended between the first call and its
 * retry is not rung again; whoever is on duty now is, on the real timers queue.
 */
class RosterLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static LifecycleHarness harness;

    @BeforeAll
    static void start() {
        harness = new LifecycleHarness();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void aRetryAfterTheShiftEndedRingsWhoeverIsOnDutyNow() {
        // One-minute shifts, the current one (dr-rao's) ending in ten seconds; the retry comes after fifteen.
        String start = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).minusSeconds(50).truncatedTo(ChronoUnit.SECONDS).toString();
        harness.reset(Map.of(
                "defaultType", "Heart",
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "9800000001"),
                        Map.of("id", "dr-iyer", "name", "Dr. Iyer", "phone", "9800000002")),
                "rosters", Map.of("on-call", Map.of("timeZone", "Asia/Kolkata", "rotations", List.of(Map.of(
                        "people", List.of("dr-rao", "dr-iyer"), "shift", "1m", "start", start)))),
                "types", Map.of("Heart", Map.of(
                        "retry", Map.of("attempts", 3, "after", "15s"),
                        "tiers", List.of(Map.of("notify", List.of("on-call"), "escalateAfter", "1h"))))));
        String id = harness.raise("roster-handover-1");
        assertThat(harness.pumpCalls()).isEqualTo(1);
        assertThat(harness.hasCall(id, "dr-rao")).isTrue();

        harness.callStatus(harness.call(id, "dr-rao").providerId(), "no-answer");
        harness.runUntil("dr-iyer's call", () -> harness.hasCall(id, "dr-iyer"), WAIT);

        assertThat(harness.call(id, "dr-rao").attempt()).isEqualTo(1);
        assertThat(harness.call(id, "dr-iyer").attempt()).isEqualTo(1);
        assertThat(harness.timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "retry.handed-over")
                .containsEntry("personId", "dr-rao").containsEntry("to", "dr-iyer"));
    }
}
