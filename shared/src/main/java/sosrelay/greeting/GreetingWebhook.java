package sosrelay.greeting;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import sosrelay.delivery.DeliveryRef;
import sosrelay.delivery.Notice;
import sosrelay.delivery.PlacedCalls;
import sosrelay.directory.Language;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
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
 * With a CustomField the incident it names is read beside the CallSid's look-up (the listener waits one round trip,
 * not two), and used only when the CallSid's delivery is that one.
 */
public final class GreetingWebhook implements Webhook {
    private final WebhookSecret secret;
    private final PlacedCalls calls;
    private final IncidentStore incidents;
    private final RecordingsBucket recordings;
    private final Language language;
    private final Executor reads;

    /**
     * {@code language}: the outbound flow's Greeting applet's, which its text-to-speech voice speaks; {@code reads}: where
     * the incident is read beside the CallSid's look-up.
     */
    public GreetingWebhook(WebhookSecret secret, PlacedCalls calls, IncidentStore incidents, RecordingsBucket recordings, Language language,
                           Executor reads) {
        this.secret = secret;
        this.calls = calls;
        this.incidents = incidents;
        this.recordings = recordings;
        this.language = language;
        this.reads = reads;
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
        boolean ours = CallbackFields.isProviderId(callSid);
        String named = ours ? namedIncident(customField) : null;
        CompletableFuture<Optional<Incident>> early = named == null ? null
                : CompletableFuture.supplyAsync(() -> incidents.find(named), reads);
        Optional<DeliveryRef> call = ours ? calls.onTheLine(callSid) : Optional.empty();
        if (call.isPresent() && customField != null && !customField.isBlank()
                && !customField.equals(call.get().incidentId() + ":" + call.get().personId())) {
            call = Optional.empty();
        }
        Optional<Incident> incident = call.isEmpty() ? Optional.empty()
                : early != null && call.get().incidentId().equals(named) ? early.join() : incidents.find(call.get().incidentId());
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

    /** The incident a CustomField ({@code <incidentId>:<personId>}) names, when it is one; else null. */
    private static String namedIncident(String customField) {
        int colon = customField == null ? -1 : customField.indexOf(':');
        String id = colon <= 0 ? null : customField.substring(0, colon);
        return id != null && IncidentIds.isValid(id) ? id : null;
    }

    /** Our copy, for a few minutes to whoever has the URL (Exotel's player, which has no credentials). */
    private Optional<String> playableRecording(Incident incident) {
        String key = incident.recording().copyKey();
        return key == null ? Optional.empty() : Optional.of(recordings.presignedGet(key).toString());
    }
}
