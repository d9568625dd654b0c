package sosrelay.metrics;

/**
 * Metrics about incidents as a whole, per emergency type: {@code IncidentUnanswered} when every round
 * of an incident's tiers ended short of acknowledgements (its CloudWatch alarm tells the operators).
 */
public final class IncidentMetrics {
    public static final String UNANSWERED = "IncidentUnanswered";

    private IncidentMetrics() {
    }

    public static void unanswered(String incidentId, String type) {
        MetricEvent.dimension("Type", type).property("incidentId", incidentId).count(UNANSWERED).emit();
    }
}
