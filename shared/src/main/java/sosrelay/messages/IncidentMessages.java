package sosrelay.messages;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.function.Function;
import sosrelay.ack.AckCodes;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.Notice;
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
    private final Map<Notice.Kind, MessageTemplate> notices;
    private final AckCodes ackCodes;
    private final UnaryOperator<Map<Placeholder, String>> fit;

    public IncidentMessages(IncidentStore incidents, AckCodes ackCodes, MessageTemplate template) {
        this(incidents, ackCodes, template, Map.of());
    }

    /** {@code notices}: the text of each notice this channel sends (stand-down, report back). */
    public IncidentMessages(IncidentStore incidents, AckCodes ackCodes, MessageTemplate template,
                            Map<Notice.Kind, MessageTemplate> notices) {
        this(incidents, ackCodes, template, notices, UnaryOperator.identity());
    }

    /** {@code fit} adjusts the values last (an SMS keeps each DLT variable to 30 characters). */
    public IncidentMessages(IncidentStore incidents, AckCodes ackCodes, MessageTemplate template,
                            Map<Notice.Kind, MessageTemplate> notices, UnaryOperator<Map<Placeholder, String>> fit) {
        this.ackCodes = ackCodes;
        this.incidents = incidents;
        this.template = template;
        this.notices = notices;
        this.fit = fit;
    }

    @Override
    public String apply(DeliveryJob job) {
        // Only an alert asks for a reply: a notice (stand-down, report back) carries no code to spend.
        String code = job.notice() == null ? ackCode(job) : IncidentValues.NONE;
        Map<Placeholder, String> values = read(job)
                .map(incident -> IncidentValues.of(incident, code))
                .orElseGet(() -> IncidentValues.unknownIncident(job.incidentId(), code));
        if (job.notice() == null) {
            return template.render(fit.apply(values));
        }
        MessageTemplate notice = notices.get(job.notice().kind());
        if (notice == null) {
            throw new IllegalStateException("no text configured for the " + job.notice().kind().id() + " notice on " + job.channel().id());
        }
        values.put(Placeholder.COMING, job.notice().coming());
        values.put(Placeholder.COUNT, job.notice().count());
        return notice.render(fit.apply(values));
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
