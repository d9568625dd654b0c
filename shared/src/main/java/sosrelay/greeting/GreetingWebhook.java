package sosrelay.greeting;

import java.util.Optional;
import sosrelay.delivery.Notice;
import sosrelay.directory.Language;
import sosrelay.incident.Incident;
import sosrelay.notices.ReportBack;
import sosrelay.incident.IncidentIds;
import sosrelay.incident.IncidentStore;
import sosrelay.log.Log;
import sosrelay.recordings.RecordingsBucket;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;
import sosrelay.web.WebhookSecret;

/**
 * Exotel's Dynamic Greeting: someone has picked up and is listening. Answers {@code text/plain}
 * (exactly that content type, as Exotel requires) with a presigned URL of our copy of the recording,
 * once it is in our bucket, else a text for Exotel to read aloud. Never Exotel's own recording URL: it
 * plays only with the account's credentials. Never an error page: at worst a generic spoken alert.
 */
public final class GreetingWebhook implements Webhook {
    private final WebhookSecret secret;
    private final IncidentStore incidents;
    private final RecordingsBucket recordings;
    private final Language language;

    /** {@code language}: the outbound flow's Greeting applet's, which its text-to-speech voice speaks. */
    public GreetingWebhook(WebhookSecret secret, IncidentStore incidents, RecordingsBucket recordings, Language language) {
        this.secret = secret;
        this.incidents = incidents;
        this.recordings = recordings;
        this.language = language;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!secret.matches(request.pathParameter("secret"))) {
            return WebResponse.text(403, "wrong webhook secret");
        }
        if ("HEAD".equals(request.method())) {
            // Exotel's HEAD only checks the headers; they are the same whatever the body would be.
            return WebResponse.text(200, "").withoutBody();
        }
        String customField = request.parameter("CustomField");
        try {
            return WebResponse.text(200, answer(customField));
        } catch (RuntimeException e) {
            Log.error("greeting.failed", "customField", customField, "error", e);
            return WebResponse.text(200, SpokenText.generic(language));
        }
    }

    private String answer(String customField) {
        Optional<Incident> incident = incidentOf(customField).flatMap(incidents::find);
        if (incident.isEmpty()) {
            Log.warn("greeting.unknown-incident", "customField", customField == null ? null : customField.substring(0, Math.min(customField.length(), 130)));
            return SpokenText.generic(language);
        }
        Incident found = incident.get();
        if (customField.endsWith(":" + Notice.deliveryKey(ReportBack.REPORTER, Notice.Kind.UNANSWERED, null))) {
            return SpokenText.unanswered(found, language);
        }
        return playableRecording(found).orElseGet(() -> SpokenText.summary(found, language));
    }

    /** Our copy, for a few minutes to whoever has the URL (Exotel's player, which has no credentials). */
    private Optional<String> playableRecording(Incident incident) {
        String key = incident.recording().copyKey();
        return key == null ? Optional.empty() : Optional.of(recordings.presignedGet(key).toString());
    }

    /** CustomField is {@code <incidentId>:<personId>}; anything else is not ours. */
    private static Optional<String> incidentOf(String customField) {
        if (customField == null) {
            return Optional.empty();
        }
        int colon = customField.indexOf(':');
        String id = colon < 0 ? customField : customField.substring(0, colon);
        return IncidentIds.isValid(id) ? Optional.of(id) : Optional.empty();
    }

}
