package sosrelay.greeting;

import java.util.Optional;
import sosrelay.delivery.DeliveryRef;
import sosrelay.delivery.Notice;
import sosrelay.delivery.PlacedCalls;
import sosrelay.directory.Language;
import sosrelay.incident.Incident;
import sosrelay.notices.ReportBack;
import sosrelay.incident.IncidentStore;
import sosrelay.log.Log;
import sosrelay.recordings.RecordingsBucket;
import sosrelay.web.CallbackFields;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;
import sosrelay.web.WebhookSecret;

/**
 * Exotel's Dynamic Greeting: someone has picked up and is listening. Answers {@code text/plain}
 * (exactly that content type, as Exotel requires) with a presigned URL of our copy of the recording,
 * once it is in our bucket, else a text for Exotel to read aloud. Never Exotel's own recording URL: it
 * plays only with the account's credentials. Never an error page: at worst a generic spoken alert. It describes an
 * incident only to a call we placed ({@code CallSid}, while the call can be on the line, and a CustomField, if any,
 * naming the same delivery): the secret and an incident's "Ref" alone get the generic text, no recording, no reporter.
 */
public final class GreetingWebhook implements Webhook {
    private final WebhookSecret secret;
    private final PlacedCalls calls;
    private final IncidentStore incidents;
    private final RecordingsBucket recordings;
    private final Language language;

    /** {@code language}: the outbound flow's Greeting applet's, which its text-to-speech voice speaks. */
    public GreetingWebhook(WebhookSecret secret, PlacedCalls calls, IncidentStore incidents, RecordingsBucket recordings, Language language) {
        this.secret = secret;
        this.calls = calls;
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
            return WebResponse.text(200, answer(request.parameter("CallSid"), customField));
        } catch (RuntimeException e) {
            Log.error("greeting.failed", "customField", customField, "error", e);
            return WebResponse.text(200, SpokenText.generic(language));
        }
    }

    private String answer(String callSid, String customField) {
        Optional<DeliveryRef> call = CallbackFields.isProviderId(callSid) ? calls.onTheLine(callSid) : Optional.empty();
        if (call.isPresent() && customField != null && !customField.isBlank()
                && !customField.equals(call.get().incidentId() + ":" + call.get().personId())) {
            call = Optional.empty();
        }
        Optional<Incident> incident = call.flatMap(c -> incidents.find(c.incidentId()));
        if (incident.isEmpty()) {
            Log.warn("greeting.not-our-call", "callSid", callSid == null ? null : callSid.substring(0, Math.min(callSid.length(), 130)));
            return SpokenText.generic(language);
        }
        Incident found = incident.get();
        if (call.get().personId().equals(Notice.deliveryKey(ReportBack.REPORTER, Notice.Kind.UNANSWERED, null))) {
            return SpokenText.unanswered(found, language);
        }
        return playableRecording(found).orElseGet(() -> SpokenText.summary(found, language));
    }

    /** Our copy, for a few minutes to whoever has the URL (Exotel's player, which has no credentials). */
    private Optional<String> playableRecording(Incident incident) {
        String key = incident.recording().copyKey();
        return key == null ? Optional.empty() : Optional.of(recordings.presignedGet(key).toString());
    }
}
