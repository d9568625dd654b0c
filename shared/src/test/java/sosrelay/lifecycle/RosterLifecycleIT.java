package sosrelay.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A roster is asked again for each retry: someone whose shift ended between the first call and its
 * retry is not rung again; whoever is on duty now is, on the real timers queue.
 */
class RosterLifecycleIT {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @RegisterExtension
    static final LifecycleHarness harness = new LifecycleHarness();

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

    @Test
    void aSwapAddedWhileTheIncidentIsOpenTakesTheRetryEvenForSomeoneOutsideTheRotation() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).truncatedTo(ChronoUnit.SECONDS);
        harness.reset(Map.of(
                "defaultType", "Heart",
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "9800000001"),
                        Map.of("id", "dr-iyer", "name", "Dr. Iyer", "phone", "9800000002"),
                        Map.of("id", "dr-khan", "name", "Dr. Khan", "phone", "9800000003")),
                "rosters", Map.of("on-call", Map.of("timeZone", "Asia/Kolkata", "rotations", List.of(Map.of(
                        "people", List.of("dr-rao", "dr-iyer"), "shift", "12h", "start", now.minusHours(1).toString())))),
                "types", Map.of("Heart", Map.of(
                        "retry", Map.of("attempts", 3, "after", "5s"),
                        "tiers", List.of(Map.of("notify", List.of("on-call"), "escalateAfter", "1h"))))));
        String id = harness.raise("roster-swap-1");
        assertThat(harness.pumpCalls()).isEqualTo(1);
        assertThat(harness.hasCall(id, "dr-rao")).isTrue();

        // The 2 a.m. swap, through the operator API's store: dr-khan, in no rotation, covers from now on.
        harness.wiring.directory().addOverride("on-call", Map.of("person", "dr-khan",
                "from", now.minusMinutes(1).toString(), "to", now.plusHours(1).toString(), "reason", "swap"));
        harness.callStatus(harness.call(id, "dr-rao").providerId(), "no-answer");
        harness.runUntil("dr-khan's call", () -> harness.hasCall(id, "dr-khan"), WAIT);

        assertThat(harness.timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "retry.handed-over")
                .containsEntry("personId", "dr-rao").containsEntry("to", "dr-khan"));
        assertThat(harness.wiring.incidents().find(id).orElseThrow().recipient("dr-khan"))
                .as("stored among the recipients, so dr-khan's acknowledgement counts").isNotNull();
        assertThat(harness.hasCall(id, "dr-iyer")).isFalse();
    }
}
