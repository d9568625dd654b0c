package sosrelay.metrics;

/**
 * What only the operators must hear about, as metrics their alarms watch (template.yaml pages
 * OperatorAlertsTopic on each, never a clinical type): an alarm nobody routed.
 */
public final class OperatorSignals {
    public static final String UNROUTED_ALARM = "UnroutedAlarm";

    private OperatorSignals() {
    }

    /** A CloudWatch alarm reached us that no directory route names: it pages the operators, not a ward. */
    public static void unroutedAlarm(String alarmName) {
        MetricEvent.dimension("Source", "cloudwatch-alarm").property("alarm", alarmName).count(UNROUTED_ALARM).emit();
    }
}
