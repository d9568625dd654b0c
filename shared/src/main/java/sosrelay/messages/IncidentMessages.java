package sosrelay.messages;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.function.Function;
import sosrelay.dispatch.DeliveryJob;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.log.Log;

/**
 * The text a job's recipient gets. A job carries only ids, so this reads the incident (one GetItem)
 * and fills the channel's template.
 *
 * <p>When the incident is missing, or DynamoDB still fails after the SDK's own retries, the
 * recipient gets the generic text at once: an alert that says "call the desk, ref X" now is worth
 * more in an emergency than a detailed one a minute later.
 */
public final class IncidentMessages implements Function<DeliveryJob, String> {
    private final IncidentStore incidents;
    private final MessageTemplate template;
    private final UnaryOperator<Map<Placeholder, String>> fit;

    public IncidentMessages(IncidentStore incidents, MessageTemplate template) {
        this(incidents, template, UnaryOperator.identity());
    }

    /** {@code fit} adjusts the values first (an SMS keeps each DLT variable to 30 characters). */
    public IncidentMessages(IncidentStore incidents, MessageTemplate template, UnaryOperator<Map<Placeholder, String>> fit) {
        this.incidents = incidents;
        this.template = template;
        this.fit = fit;
    }

    @Override
    public String apply(DeliveryJob job) {
        return template.render(fit.apply(read(job)
                .map(IncidentValues::of)
                .orElseGet(() -> IncidentValues.unknownIncident(job.incidentId()))));
    }

    private Optional<Incident> read(DeliveryJob job) {
        try {
            Optional<Incident> incident = incidents.find(job.incidentId());
            if (incident.isEmpty()) {
                Log.warn("message.incident-missing", "incidentId", job.incidentId(), "channel", job.channel().id());
            }
            return incident;
        } catch (RuntimeException e) {
            Log.warn("message.incident-unreadable", "incidentId", job.incidentId(), "channel", job.channel().id(), "error", e);
            return Optional.empty();
        }
    }
}
