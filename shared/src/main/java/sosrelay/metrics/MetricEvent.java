package sosrelay.metrics;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.json.Json;

/**
 * One metric event as a line of CloudWatch's embedded metric format (EMF) on stdout: CloudWatch
 * Logs turns it into metrics, so publishing costs no API call and no library on the cold start. The
 * line is also an ordinary log line, with the properties (an incident id, a person id, never a
 * phone number or a secret) to find the deliveries behind a data point in Logs Insights.
 */
public final class MetricEvent {
    public static final String NAMESPACE = "SosRelay";

    /** The units CloudWatch accepts that we use. */
    public enum Unit {
        COUNT("Count"), MILLISECONDS("Milliseconds");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }
    }

    private final Map<String, String> dimensions = new LinkedHashMap<>();
    private final Map<String, Number> values = new LinkedHashMap<>();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private MetricEvent() {
    }

    /** An event whose metrics are published under this one dimension, and without it. */
    public static MetricEvent dimension(String name, String value) {
        MetricEvent event = new MetricEvent();
        event.dimensions.put(name, value);
        return event;
    }

    /** One occurrence of {@code metric}. */
    public MetricEvent count(String metric) {
        return metric(metric, 1, Unit.COUNT);
    }

    public MetricEvent milliseconds(String metric, long value) {
        return metric(metric, value, Unit.MILLISECONDS);
    }

    /** Context kept on the log line but not published as a metric or a dimension. */
    public MetricEvent property(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public void emit() {
        System.out.println(toJson(Clock.systemUTC()));
    }

    /** The EMF line: {@code _aws} metadata, then dimension values, metric values and properties at the top level. */
    String toJson(Clock clock) {
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", NAMESPACE);
        // Published per dimension and, through the empty set, across all of them: an alarm names one
        // metric with exact dimensions, and "any channel" is what the operators' alarms watch.
        directive.put("Dimensions", List.of(List.copyOf(dimensions.keySet()), List.of()));
        directive.put("Metrics", units.entrySet().stream()
                .map(e -> metricDefinition(e.getKey(), e.getValue())).toList());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Timestamp", clock.millis());
        metadata.put("CloudWatchMetrics", List.of(directive));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", metadata);
        line.putAll(properties);
        line.putAll(dimensions);
        line.putAll(values);
        return Json.write(line);
    }

    private static Map<String, String> metricDefinition(String name, Unit unit) {
        Map<String, String> definition = new LinkedHashMap<>();
        definition.put("Name", name);
        definition.put("Unit", unit.cloudWatchName);
        return definition;
    }

    private MetricEvent metric(String name, long value, Unit unit) {
        values.put(name, value);
        units.put(name, unit);
        return this;
    }
}
