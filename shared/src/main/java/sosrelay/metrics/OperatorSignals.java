package sosrelay.metrics;

/**
 * What only the operators must hear about, as metrics their alarms watch (template.yaml pages
 * OperatorAlertsTopic on each, never a clinical type): an alarm nobody routed, a suspect Passthru.
 */
public final class OperatorSignals {
    public static final String UNROUTED_ALARM = "UnroutedAlarm";
    public static final String FORGED_PASSTHRU = "ForgedPassthru";
    public static final String UNVERIFIED_PASSTHRU = "UnverifiedPassthru";
    public static final String NOBODY_RUNG = "NobodyRung";
    public static final String MAINTENANCE_OPENED = "MaintenanceOpened";
    public static final String INIT_FAILED = "InitFailed";

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

    /** A raise rang nobody at once (a maintenance window, nobody on duty in any tier, an empty tier): the operators are paged. */
    public static void nobodyRung(String source, String incidentId) {
        MetricEvent.dimension("Source", "raise").property("source", source).property("incidentId", incidentId).count(NOBODY_RUNG).emit();
    }

    /**
     * A device's raise refused by a limit (its open incidents, its raises this hour): it rang nobody, so, like a raise
     * that found nobody on duty, it pages the operators, who decide whether it was a flood or a real emergency.
     */
    public static void raiseRefused(String apiKeyId, String limit) {
        MetricEvent.dimension("Source", "raise").property("source", "device-api").property("apiKeyId", apiKeyId)
                .property("refusedBy", limit).count(NOBODY_RUNG).emit();
    }

    /** An operator opened a maintenance window: the other operators hear of it, as what it silences rings nobody. */
    public static void maintenanceOpened(String windowId) {
        MetricEvent.dimension("Source", "operator-api").property("window", windowId).count(MAINTENANCE_OPENED).emit();
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
