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
import sosrelay.links.RecordingLinks;
import sosrelay.log.Log;

/**
 * The text a job's recipient gets. A job carries only ids, so this reads the incident (one GetItem)
 * and fills the channel's template in the recipient's language (their directory {@code language}, kept
 * on the incident); a language this channel has no templates for, and whoever raised the emergency,
 * get English.
 *
 * <p>A text that says {@code {link}} carries the recipient's own recording link ({@link RecordingLinks}), issued
 * here, when first texted.
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
    private final RecordingLinks links;
    private final boolean repliesArrive;
    private final BiFunction<Map<Placeholder, String>, Language, Map<Placeholder, String>> fit;

    /**
     * {@code templates} must have English; {@code repliesArrive}: whether this channel's replies reach us (then
     * {@code {acknowledge}} carries the code); {@code fit} adjusts the values last (an SMS keeps each DLT variable to 30
     * characters and says where to reply, in the text's language).
     */
    public IncidentMessages(IncidentStore incidents, AckCodes ackCodes, RecordingLinks links, Map<Language, Templates> templates,
                            boolean repliesArrive, BiFunction<Map<Placeholder, String>, Language, Map<Placeholder, String>> fit) {
        if (!templates.containsKey(Language.EN)) {
            throw new IllegalArgumentException("every channel has English texts");
        }
        this.ackCodes = ackCodes;
        this.incidents = incidents;
        this.links = links;
        this.templates = Map.copyOf(templates);
        this.repliesArrive = repliesArrive;
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
    public Text apply(DeliveryJob job) {
        Optional<Incident> incident = read(job);
        Language language = incident.map(i -> i.recipient(Notice.personOf(job.personId()))).map(Person::language)
                .filter(templates::containsKey).orElse(Language.EN);
        Templates texts = templates.get(language);
        MessageTemplate text = job.notice() == null ? texts.alert() : notice(texts, job);
        // A code is issued (a write, and a live code to guard) only where the text shows it: an alert whose template
        // says {ackCode}, or says {acknowledge} where replies arrive. A notice carries no code to spend.
        boolean showsCode = text.uses(Placeholder.ACK_CODE) || repliesArrive && text.uses(Placeholder.ACKNOWLEDGE);
        String code = job.notice() == null && showsCode ? ackCode(job) : IncidentValues.NONE;
        Map<Placeholder, String> values = incident.map(i -> IncidentValues.of(i, code, language))
                .orElseGet(() -> IncidentValues.unknownIncident(job.incidentId(), code, language));
        if (text.uses(Placeholder.LINK)) {
            values.put(Placeholder.LINK, link(job, incident));
        }
        if (job.notice() != null) {
            values.put(Placeholder.COMING, job.notice().coming());
            values.put(Placeholder.COUNT, job.notice().count());
        }
        return new Text(text.render(fit.apply(values, language)), language);
    }

    private static MessageTemplate notice(Templates texts, DeliveryJob job) {
        MessageTemplate notice = texts.notices().get(job.notice().kind());
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
