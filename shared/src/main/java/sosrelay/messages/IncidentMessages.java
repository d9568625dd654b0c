package sosrelay.messages;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import sosrelay.ack.AckCodes;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.Notice;
import sosrelay.directory.Language;
import sosrelay.directory.Person;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.log.Log;

/**
 * The text a job's recipient gets. A job carries only ids, so this reads the incident (one GetItem)
 * and fills the channel's template in the recipient's language (their directory {@code language}, kept
 * on the incident); a language this channel has no templates for, and whoever raised the emergency,
 * get English.
 *
 * <p>When the incident is missing, or DynamoDB still fails after the SDK's own retries, the
 * recipient gets the generic text at once: an alert that says "call the desk, ref X" now is worth
 * more in an emergency than a detailed one a minute later.
 */
public final class IncidentMessages implements Function<DeliveryJob, Text> {
    /** One language's templates on a channel: the alert, and the text of each notice the channel sends. */
    public record Templates(MessageTemplate alert, Map<Notice.Kind, MessageTemplate> notices) {
    }

    private final IncidentStore incidents;
    private final Map<Language, Templates> templates;
    private final AckCodes ackCodes;
    private final BiFunction<Map<Placeholder, String>, Language, Map<Placeholder, String>> fit;

    /**
     * {@code templates} must have English; {@code fit} adjusts the values last (an SMS keeps each DLT variable to 30
     * characters and says where to reply, in the text's language).
     */
    public IncidentMessages(IncidentStore incidents, AckCodes ackCodes, Map<Language, Templates> templates,
                            BiFunction<Map<Placeholder, String>, Language, Map<Placeholder, String>> fit) {
        if (!templates.containsKey(Language.EN)) {
            throw new IllegalArgumentException("every channel has English texts");
        }
        this.ackCodes = ackCodes;
        this.incidents = incidents;
        this.templates = Map.copyOf(templates);
        this.fit = fit;
    }

    @Override
    public Text apply(DeliveryJob job) {
        // Only an alert asks for a reply: a notice (stand-down, report back) carries no code to spend.
        String code = job.notice() == null ? ackCode(job) : IncidentValues.NONE;
        Optional<Incident> incident = read(job);
        Language language = incident.map(i -> i.recipient(Notice.personOf(job.personId()))).map(Person::language)
                .filter(templates::containsKey).orElse(Language.EN);
        Templates texts = templates.get(language);
        Map<Placeholder, String> values = incident.map(i -> IncidentValues.of(i, code, language))
                .orElseGet(() -> IncidentValues.unknownIncident(job.incidentId(), code, language));
        if (job.notice() == null) {
            return new Text(texts.alert().render(fit.apply(values, language)), language);
        }
        MessageTemplate notice = texts.notices().get(job.notice().kind());
        if (notice == null) {
            throw new IllegalStateException("no text configured for the " + job.notice().kind().id() + " notice on " + job.channel().id());
        }
        values.put(Placeholder.COMING, job.notice().coming());
        values.put(Placeholder.COUNT, job.notice().count());
        return new Text(notice.render(fit.apply(values, language)), language);
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
