package sosrelay.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.DeliveryStatus;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Channel;
import sosrelay.incident.AcceptanceTimes;
import sosrelay.json.Json;
import sosrelay.metrics.StdoutCapture;
import sosrelay.web.WebRequest;

/**
 * Time-to-ring on DynamoDB Local and ElasticMQ: each accepted delivery moves the incident's
 * {@code lastAcceptedAt} while {@code firstAcceptedAt} stays (both read from the deliveries, which carry their own); the
 * first wave publishes TimeToRing (and TimeToFirstRing once) from the incident's {@code createdAt}; the incident API
 * shows both.
 */
class TimeToRingIT {
    @RegisterExtension
    static final LifecycleHarness harness = new LifecycleHarness();
    private static AcceptanceTimes times;

    @BeforeAll
    static void start() {
        times = new AcceptanceTimes(harness.wiring.dynamo(), harness.stack.tableName("IncidentsTable"));
    }

    /** Heart: dr-rao alone for a second, then the duty manager. */
    private static Map<String, Object> twoTiers() {
        return Map.of(
                "defaultType", "Heart",
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "9800000001"),
                        Map.of("id", "duty-manager", "name", "Duty manager", "phone", "9800000003")),
                "types", Map.of("Heart", Map.of("tiers", List.of(
                        Map.of("notify", List.of("dr-rao"), "escalateAfter", "1s"),
                        Map.of("notify", List.of("duty-manager"), "escalateAfter", "1h")))));
    }

    @Test
    void theFirstAcceptanceStaysAndTheLastMovesWithEachLaterOne() {
        harness.reset(twoTiers());
        List<Map<String, Object>> metrics;
        String id;
        try (StdoutCapture out = new StdoutCapture()) {
            id = harness.raise("ring-time-1");
            harness.pumpCalls();
            AcceptanceTimes.Times afterFirstWave = stored(id);
            assertThat(afterFirstWave.firstAcceptedAt()).isNotNull().isEqualTo(afterFirstWave.lastAcceptedAt())
                    .isAfterOrEqualTo(afterFirstWave.createdAt());

            harness.runUntil("the duty manager's call", () -> harness.hasCall(id, "duty-manager"), Duration.ofSeconds(15));
            AcceptanceTimes.Times afterEscalation = stored(id);
            assertThat(afterEscalation.firstAcceptedAt()).isEqualTo(afterFirstWave.firstAcceptedAt());
            assertThat(afterEscalation.lastAcceptedAt()).isAfter(afterFirstWave.lastAcceptedAt());
            assertThat(out.lines()).noneMatch(line -> line.startsWith("{\"_aws\"") && line.contains("9800000001"));
            metrics = out.metricLines();
        }

        assertThat(metrics).filteredOn(line -> line.containsKey("DeliveryAccepted"))
                .extracting(line -> line.get("personId")).containsExactly("dr-rao", "duty-manager");
        // Only the first wave is measured against the trigger: the duty manager was called late on purpose.
        List<Map<String, Object>> rings = metrics.stream().filter(line -> line.containsKey("TimeToRing")).toList();
        assertThat(rings).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("Channel", "call").containsEntry("personId", "dr-rao").containsEntry("incidentId", id)
                .containsEntry("TimeToFirstRing", line.get("TimeToRing")));
        AcceptanceTimes.Times stored = stored(id);
        assertThat(((Number) rings.get(0).get("TimeToRing")).longValue())
                .isEqualTo(Duration.between(stored.createdAt(), stored.firstAcceptedAt()).toMillis());
    }

    @Test
    void aRepeatedAcceptanceNeverMovesTheFirstAndNoWorkerWritesTheIncidentItem() {
        String id = raisedAndFirstWaveRung("ring-time-2");
        AcceptanceTimes.Times before = stored(id);

        DeliveryJob again = new DeliveryJob(id, "dr-rao", "+919800000001", Channel.CALL, 1);
        new DeliveryStore(harness.wiring.dynamo(), harness.stack.tableName("IncidentsTable"),
                Clock.fixed(before.lastAcceptedAt().plusSeconds(5), ZoneOffset.UTC), Duration.ofSeconds(60)).accepted(again, "call-again");

        AcceptanceTimes.Times after = stored(id);
        assertThat(after.firstAcceptedAt()).isEqualTo(before.firstAcceptedAt());
        assertThat(after.lastAcceptedAt()).isEqualTo(before.lastAcceptedAt().plusSeconds(5));
        AcceptanceTimes.Times onTheIncident = times.read(id).orElseThrow();
        assertThat(onTheIncident.firstAcceptedAt()).as("the incident item is not written per acceptance").isNull();
        assertThat(onTheIncident.lastAcceptedAt()).isNull();
        assertThat(times.read("inc-zzzzzzzzzzzzzzzzzzzz")).isEmpty();
    }

    @Test
    void anIncidentFromBeforeKeepsTheTimesOnItsItem() {
        AcceptanceTimes.Times old = new AcceptanceTimes.Times(Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:01Z"), Instant.parse("2026-01-01T00:00:03Z"));

        assertThat(old.including(null, null)).isEqualTo(old);
        assertThat(old.including(Instant.parse("2026-01-01T00:00:02Z"), Instant.parse("2026-01-01T00:00:04Z")))
                .isEqualTo(new AcceptanceTimes.Times(old.createdAt(), old.firstAcceptedAt(), Instant.parse("2026-01-01T00:00:04Z")));
    }

    @Test
    void theIncidentApiShowsTheFirstAndLastAcceptanceAndHowLongAfterTheTrigger() {
        String id = raisedAndFirstWaveRung("ring-time-3");
        AcceptanceTimes.Times stored = stored(id);

        Map<String, Object> view = Json.readObject(harness.wiring.incidentApi().handle(new WebRequest("GET", Map.of("id", id),
                Map.of(), Map.of(), null, false, LifecycleHarness.OPERATOR_KEY_ID)).body());

        assertThat(view).containsEntry("createdAt", stored.createdAt().toString())
                .containsEntry("firstAcceptedAt", stored.firstAcceptedAt().toString())
                .containsEntry("lastAcceptedAt", stored.lastAcceptedAt().toString());
        assertThat(((Number) view.get("timeToFirstAcceptanceMillis")).longValue())
                .isEqualTo(((Number) view.get("timeToLastAcceptanceMillis")).longValue())
                .isEqualTo(stored.toFirstAcceptance().toMillis()).isBetween(0L, 10_000L);
    }

    /** The incident's acceptance times as its view reads them: its item's, with its deliveries'. */
    private static AcceptanceTimes.Times stored(String id) {
        List<DeliveryStatus> deliveries = harness.deliveries.forIncident(id);
        return times.read(id).orElseThrow().including(
                deliveries.stream().map(DeliveryStatus::firstAcceptedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null),
                deliveries.stream().map(DeliveryStatus::lastAcceptedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null));
    }

    /** A fresh incident whose first tier (dr-rao) the provider has accepted; returns its id. */
    private static String raisedAndFirstWaveRung(String callSid) {
        harness.reset(twoTiers());
        String id = harness.raise(callSid);
        harness.pumpCalls();
        return id;
    }
}
