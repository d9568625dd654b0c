package sosrelay.metrics;

/**
 * What only the operators must hear about, as metrics their alarms watch (template.yaml pages
 * OperatorAlertsTopic on each, never a clinical type): an alarm nobody routed, a suspect Passthru.
 */
public final class OperatorSignals {
    public static final String UNROUTED_ALARM = "UnroutedAlarm";
    public static final String FORGED_PASSTHRU = "ForgedPassthru";
    public static final String UNVERIFIED_PASSTHRU = "UnverifiedPassthru";

    private OperatorSignals() {
    }

    /** A CloudWatch alarm reached us that no directory route names: it pages the operators, not a ward. */
    public static void unroutedAlarm(String alarmName) {
        MetricEvent.dimension("Source", "cloudwatch-alarm").property("alarm", alarmName).count(UNROUTED_ALARM).emit();
    }

    /**
     * A Passthru's CallSid is another call than it said, or still unknown to Exotel at the last ask: the operators are
     * paged to decide (the board's stand-down button); the metric keeps its name, its alarm is {@code …-forged-passthru}.
     */
    public static void suspectPassthru(String incidentId) {
        MetricEvent.dimension("Source", "exotel-call").property("incidentId", incidentId).count(FORGED_PASSTHRU).emit();
    }

    /** Exotel could not confirm a Passthru's CallSid (its call details kept failing): counted, the emergency stands. */
    public static void unverifiedPassthru(String incidentId) {
        MetricEvent.dimension("Source", "exotel-call").property("incidentId", incidentId).count(UNVERIFIED_PASSTHRU).emit();
    }
}
