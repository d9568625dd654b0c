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

    /** Also the input webhook's answer to a key that is neither 1 nor 2: the same again. */
    String answer(WebRequest request, Map<String, String> fields) {
        String requestUuid = fields.get("RequestUUID");
        String ref = fields.get("ref");
        WhatTheyHear.Heard what = CallbackFields.isProviderId(requestUuid)
                ? heard.forCall(VoiceProviders.storedId(PlivoCalls.NAME, requestUuid), ref) : heard.generic();
        if (what.equals(heard.generic())) {
            return PlivoXml.say(what.text(), heard.language());
        }
        Map<String, String> action = new LinkedHashMap<>();
        action.put("call", requestUuid);
        if (ref != null) {
            action.put("ref", ref);
        }
        return PlivoXml.askForAKey(what, heard.language(), callbacks.url(request, "input", action));
    }

    static WebResponse xml(String body) {
        return new WebResponse(200, Map.of("Content-Type", "application/xml"), body);
    }
}
