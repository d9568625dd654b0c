package sosrelay.plivo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sosrelay.calls.PlivoCalls;
import sosrelay.calls.VoiceProviders;
import sosrelay.greeting.WhatTheyHear;
import sosrelay.log.Log;
import sosrelay.web.CallbackFields;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/**
 * {@code POST /plivo/{secret}/answer}: someone picked up a call Plivo placed for us. Answers Plivo XML: what
 * {@link WhatTheyHear} chose (our recording copy played, or the summary spoken), inside a {@code <GetInput>} of one DTMF
 * digit whose action is {@code /plivo/{secret}/input}. Only a call we placed ({@code RequestUUID}, while it can be on the
 * line, and the {@code ref} of its URL) hears the incident; an unsigned request, or any other call, hears the generic alert.
 */
public final class PlivoAnswerWebhook implements Webhook {
    private final PlivoCallbacks callbacks;
    private final WhatTheyHear heard;

    public PlivoAnswerWebhook(PlivoCallbacks callbacks, WhatTheyHear heard) {
        this.callbacks = callbacks;
        this.heard = heard;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!callbacks.secretMatches(request)) {
            return WebResponse.text(403, "wrong webhook secret");
        }
        try {
            Optional<Map<String, String>> fields = callbacks.signed(request, "answer");
            if (fields.isEmpty()) {
                return xml(PlivoXml.say(heard.generic().text(), heard.language()));
            }
            return xml(answer(request, fields.get()));
        } catch (RuntimeException e) {
            Log.error("plivo.answer-failed", "error", e);
            return xml(PlivoXml.say(heard.generic().text(), heard.language()));
        }
    }

    private String answer(WebRequest request, Map<String, String> fields) {
        String requestUuid = fields.get("RequestUUID");
        String ref = fields.get("ref");
        WhatTheyHear.Heard what = CallbackFields.isProviderId(requestUuid)
                ? heard.forCall(VoiceProviders.storedId(PlivoCalls.NAME, requestUuid), ref) : heard.generic();
        if (what.equals(heard.generic())) {
            return PlivoXml.say(what.text(), heard.language());
        }
        return PlivoXml.askForAKey(what, heard.language(), inputUrl(callbacks, request, requestUuid, ref));
    }

    /** The GetInput's action: our input webhook, naming the call and the delivery (Plivo signs them with the URL). */
    static String inputUrl(PlivoCallbacks callbacks, WebRequest request, String requestUuid, String ref) {
        Map<String, String> action = new LinkedHashMap<>();
        action.put("call", requestUuid);
        if (ref != null) {
            action.put("ref", ref);
        }
        return callbacks.url(request, "input", action);
    }

    static WebResponse xml(String body) {
        return new WebResponse(200, Map.of("Content-Type", "application/xml"), body);
    }
}
