package sosrelay.greeting;

import java.util.concurrent.Executor;
import sosrelay.calls.VoiceProviders;
import sosrelay.delivery.PlacedCalls;
import sosrelay.directory.Language;
import sosrelay.incident.IncidentStore;
import sosrelay.log.Log;
import sosrelay.recordings.RecordingsBucket;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;
import sosrelay.web.WebhookSecret;

/**
 * Exotel's Dynamic Greeting: someone has picked up and is listening. Answers {@code text/plain}
 * (exactly that content type, as Exotel requires) with what {@link WhatTheyHear} chose: a presigned URL of our copy of
 * the recording, once it is in our bucket, else a text for Exotel to read aloud. Never Exotel's own recording URL: it
 * plays only with the account's credentials. Never an error page: at worst a generic spoken alert. It describes an
 * incident only to a call we placed ({@code CallSid}, while the call can be on the line, and a CustomField, if any,
 * naming the same delivery): the secret and an incident's "Ref" alone get the generic text, no recording, no reporter.
 */
public final class GreetingWebhook implements Webhook {
    private final WebhookSecret secret;
    private final WhatTheyHear heard;

    /**
     * {@code language}: the outbound flow's Greeting applet's, which its text-to-speech voice speaks; {@code reads}: where
     * the incident a CustomField names is read beside the CallSid's look-up.
     */
    public GreetingWebhook(WebhookSecret secret, PlacedCalls calls, IncidentStore incidents, RecordingsBucket recordings, Language language,
                           Executor reads) {
        this.secret = secret;
        this.heard = new WhatTheyHear(calls, incidents, recordings, language, reads);
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
            // A further Exotel account's flow names it (?account=b): its CallSids are kept under its name.
            String call = VoiceProviders.exotelCall(request.parameter("account"), request.parameter("CallSid"));
            return WebResponse.text(200, heard.forCall(call, customField).asOneText());
        } catch (RuntimeException e) {
            Log.error("greeting.failed", "customField", customField, "error", e);
            return WebResponse.text(200, heard.generic().text());
        }
    }
}
