package sosrelay.metrics;

import sosrelay.delivery.DeliveryMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Channel;
import sosrelay.delivery.DeliveryJob;
import sosrelay.json.Json;

class MetricEventTest {
    private static final DeliveryJob JOB = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001",
            Channel.WHATSAPP, 2);

    @Test
    void isOneLineOfCloudWatchsEmbeddedMetricFormat() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1_735_787_045_678L), ZoneOffset.UTC);

        String line = MetricEvent.dimension("Channel", "call").milliseconds("TimeToRing", 2500)
                .milliseconds("TimeToFirstRing", 2500).property("incidentId", "inc-aaaaaaaaaaaaaaaaaaaa").toJson(clock);

        assertThat(line).doesNotContain("\n").startsWith("{\"_aws\":");
        assertThat(Json.readObject(line)).isEqualTo(Map.of(
                "_aws", Map.of(
                        "Timestamp", 1_735_787_045_678L,
                        "CloudWatchMetrics", List.of(Map.of(
                                "Namespace", "SosRelay",
                                "Dimensions", List.of(List.of("Channel"), List.of()),
                                "Metrics", List.of(Map.of("Name", "TimeToRing", "Unit", "Milliseconds"),
                                        Map.of("Name", "TimeToFirstRing", "Unit", "Milliseconds"))))),
                "Channel", "call",
                "TimeToRing", 2500,
                "TimeToFirstRing", 2500,
                "incidentId", "inc-aaaaaaaaaaaaaaaaaaaa"));
    }

    @Test
    void aPropertyCannotOverwriteTheDimensionOrTheValue() {
        Map<String, Object> line = Json.readObject(MetricEvent.dimension("Channel", "sms").count("DeliveryFailed")
                .property("Channel", "forged").property("DeliveryFailed", 99).toJson(Clock.systemUTC()));

        assertThat(line).containsEntry("Channel", "sms").containsEntry("DeliveryFailed", 1);
    }

    @Test
    void deliveryOutcomesAreCountedPerChannelWithoutThePhoneNumber() {
        List<Map<String, Object>> lines;
        try (StdoutCapture out = new StdoutCapture()) {
            DeliveryMetrics.accepted(JOB);
            DeliveryMetrics.failed(JOB);
            DeliveryMetrics.retried(JOB);
            assertThat(out.lines()).noneMatch(l -> l.contains("9800000001"));
            lines = out.metricLines();
        }

        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line)
                .containsEntry("Channel", "whatsapp").containsEntry("incidentId", "inc-aaaaaaaaaaaaaaaaaaaa")
                .containsEntry("personId", "dr-rao").containsEntry("attempt", 2).doesNotContainKey("phone"));
        assertThat(lines).extracting(line -> metricNames(line)).containsExactly(
                List.of("DeliveryAccepted"), List.of("DeliveryFailed"), List.of("DeliveryRetried"));
        assertThat(lines.get(1)).containsEntry("DeliveryFailed", 1);
    }

    @Test
    void theFirstRingOfAnIncidentAlsoCountsAsItsTimeToFirstRing() {
        List<Map<String, Object>> lines;
        try (StdoutCapture out = new StdoutCapture()) {
            DeliveryMetrics.rung(JOB, Duration.ofMillis(1234), true);
            DeliveryMetrics.rung(JOB, Duration.ofMillis(4321), false);
            lines = out.metricLines();
        }

        assertThat(metricNames(lines.get(0))).containsExactly("TimeToRing", "TimeToFirstRing");
        assertThat(lines.get(0)).containsEntry("TimeToRing", 1234).containsEntry("TimeToFirstRing", 1234);
        assertThat(metricNames(lines.get(1))).containsExactly("TimeToRing");
        assertThat(lines.get(1)).containsEntry("TimeToRing", 4321).doesNotContainKey("TimeToFirstRing");
    }

    @SuppressWarnings("unchecked")
    static List<String> metricNames(Map<String, Object> line) {
        Map<String, Object> aws = (Map<String, Object>) line.get("_aws");
        Map<String, Object> directive = ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
        return ((List<Map<String, Object>>) directive.get("Metrics")).stream().map(m -> (String) m.get("Name")).toList();
    }
}
