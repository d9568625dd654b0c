package sosrelay.metrics;

/**
 * What only the operators must hear about, as metrics their alarms watch (template.yaml pages
 * OperatorAlertsTopic on each, never a clinical type): an alarm nobody routed, a forged Passthru.
 */
public final class OperatorSignals {
    public static final String UNROUTED_ALARM = "UnroutedAlarm";
    public static final String FORGED_PASSTHRU = "ForgedPassthru";
    public static final String UNVERIFIED_PASSTHRU = "UnverifiedPassthru";
    public static final String INIT_FAILED = "InitFailed";

    private OperatorSignals() {
    }

    /** A CloudWatch alarm reached us that no directory route names: it pages the operators, not a ward. */
    public static void unroutedAlarm(String alarmName) {
        MetricEvent.dimension("Source", "cloudwatch-alarm").property("alarm", alarmName).count(UNROUTED_ALARM).emit();
    }

    /** A Passthru's CallSid is no call Exotel placed to us (someone has the webhook secret): the operators are paged. */
    public static void forgedPassthru(String incidentId) {
        MetricEvent.dimension("Source", "exotel-call").property("incidentId", incidentId).count(FORGED_PASSTHRU).emit();
    }

    /** Exotel could not confirm a Passthru's CallSid (its call details kept failing): counted, the emergency stands. */
    public static void unverifiedPassthru(String incidentId) {
        MetricEvent.dimension("Source", "exotel-call").property("incidentId", incidentId).count(UNVERIFIED_PASSTHRU).emit();
    }

    /**
     * A function could not start: a setting its path needs is missing or malformed (the error names them, never a
     * secret's value). Every invocation of it would fail, the emergency's included: the operators are paged.
     */
    public static void initFailed(RuntimeException error) {
        sosrelay.log.Log.error("function.init-failed", "error", error);
        MetricEvent.dimension("Source", "function-init").count(INIT_FAILED).emit();
    }
}
