package sosrelay.messages;

import java.util.Optional;
import java.util.function.Function;
import sosrelay.ack.AckCodes;
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
    private final AckCodes ackCodes;
    private final MessageTemplate template;

    public IncidentMessages(IncidentStore incidents, AckCodes ackCodes, MessageTemplate template) {
        this.incidents = incidents;
        this.ackCodes = ackCodes;
        this.template = template;
    }

    @Override
    public String apply(DeliveryJob job) {
        String code = ackCode(job);
        return template.render(read(job)
                .map(incident -> IncidentValues.of(incident, code))
                .orElseGet(() -> IncidentValues.unknownIncident(job.incidentId(), code)));
    }

    /** The recipient's own code; if it can't be issued the alert still goes, without a way to reply. */
    private String ackCode(DeliveryJob job) {
        try {
            return ackCodes.issue(job.incidentId(), job.personId());
        } catch (RuntimeException e) {
            Log.warn("message.ack-code-unavailable", "incidentId", job.incidentId(), "channel", job.channel().id(), "error", e);
            return IncidentValues.NONE;
        }
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
