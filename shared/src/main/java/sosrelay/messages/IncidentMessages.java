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
import sosrelay.links.RecordingLinks;
import sosrelay.log.Log;

/**
 * The text a job's recipient gets. A job carries only ids, so this reads the incident (one GetItem)
 * and fills the channel's template.
 *
 * <p>A text that says {@code {link}} carries the recipient's own recording link ({@link RecordingLinks}), issued
 * here, when first texted.
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
    private final RecordingLinks links;
    private final UnaryOperator<Map<Placeholder, String>> fit;

    /** {@code notices}: the text of each notice this channel sends (stand-down, report back). */
    public IncidentMessages(IncidentStore incidents, AckCodes ackCodes, RecordingLinks links, MessageTemplate template,
                            Map<Notice.Kind, MessageTemplate> notices) {
        this(incidents, ackCodes, links, template, notices, UnaryOperator.identity());
    }

    /** {@code fit} adjusts the values last (an SMS keeps each DLT variable to 30 characters). */
    public IncidentMessages(IncidentStore incidents, AckCodes ackCodes, RecordingLinks links, MessageTemplate template,
                            Map<Notice.Kind, MessageTemplate> notices, UnaryOperator<Map<Placeholder, String>> fit) {
        this.ackCodes = ackCodes;
        this.incidents = incidents;
        this.links = links;
        this.template = template;
        this.notices = notices;
        this.fit = fit;
    }

    /**
     * Throws naming the variable when its text says {@code {link}} but there is no public base URL to link under: every
     * recipient would get a link to nowhere.
     */
    public static void checkLink(String text, String variable, String publicBaseUrl) {
        if (text.contains(Placeholder.LINK.token()) && (publicBaseUrl == null || publicBaseUrl.isBlank())) {
            throw new IllegalStateException(variable + " carries " + Placeholder.LINK.token()
                    + " but SOS_PUBLIC_BASE_URL is unset: the recording link would lead nowhere");
        }
    }

    @Override
    public String apply(DeliveryJob job) {
        MessageTemplate text = job.notice() == null ? template : notice(job);
        // Only an alert asks for a reply: a notice (stand-down, report back) carries no code to spend.
        String code = job.notice() == null ? ackCode(job) : IncidentValues.NONE;
        Optional<Incident> incident = read(job);
        Map<Placeholder, String> values = incident
                .map(found -> IncidentValues.of(found, code))
                .orElseGet(() -> IncidentValues.unknownIncident(job.incidentId(), code));
        if (text.uses(Placeholder.LINK)) {
            values.put(Placeholder.LINK, link(job, incident));
        }
        if (job.notice() != null) {
            values.put(Placeholder.COMING, job.notice().coming());
            values.put(Placeholder.COUNT, job.notice().count());
        }
        return text.render(fit.apply(values));
    }

    private MessageTemplate notice(DeliveryJob job) {
        MessageTemplate notice = notices.get(job.notice().kind());
        if (notice == null) {
            throw new IllegalStateException("no text configured for the " + job.notice().kind().id() + " notice on " + job.channel().id());
        }
        return notice;
    }

    /** The recipient's own link to the recording; if it can't be issued the text still goes, linking to none. */
    private String link(DeliveryJob job, Optional<Incident> incident) {
        String recording = incident.map(found -> found.recording().url()).orElse(null);
        if (recording == null || recording.isBlank()) {
            return links.noRecording();
        }
        try {
            return links.link(job.incidentId(), job.personId());
        } catch (RuntimeException e) {
            Log.warn("message.link-unavailable", "incidentId", job.incidentId(), "channel", job.channel().id(), "error", e);
            return links.noRecording();
        }
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
