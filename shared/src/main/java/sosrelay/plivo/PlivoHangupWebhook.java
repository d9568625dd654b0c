package sosrelay.plivo;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sosrelay.calls.PlivoCalls;
import sosrelay.calls.VoiceProviders;
import sosrelay.delivery.DeliveryOutcomes;
import sosrelay.log.Log;
import sosrelay.web.CallbackFields;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/**
 * {@code POST /plivo/{secret}/hangup}: Plivo's {@code hangup_url}, fired for every call, answered or not, and maybe more
 * than once: how it ended ({@code CallStatus}), applied as Exotel's status callbacks are (repeats change nothing; no-answer,
 * busy and failed are retried). Found by {@code RequestUUID}, or by the {@code ref} of its URL when the worker has not
 * recorded the call yet, or by {@code CallUUID} for a call a look-up found. An unsigned request changes nothing.
 */
public final class PlivoHangupWebhook implements Webhook {
    /** Plivo's CallStatus words in ours ({@code DeliveryStates}). */
    private static final Map<String, String> STATES = Map.of("completed", "completed", "busy", "busy", "failed", "failed",
            "timeout", "no-answer", "no-answer", "no-answer", "cancel", "canceled");

    private final PlivoCallbacks callbacks;
    private final DeliveryOutcomes outcomes;

    public PlivoHangupWebhook(PlivoCallbacks callbacks, DeliveryOutcomes outcomes) {
        this.callbacks = callbacks;
        this.outcomes = outcomes;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!callbacks.secretMatches(request)) {
            return WebResponse.text(403, "wrong webhook secret");
        }
        Optional<Map<String, String>> signed = callbacks.signed(request, "hangup");
        if (signed.isEmpty()) {
            return WebResponse.text(403, "not signed by Plivo");
        }
        Map<String, String> fields = signed.get();
        String requestUuid = fields.get("RequestUUID");
        String callUuid = fields.get("CallUUID");
        String state = STATES.get(fields.getOrDefault("CallStatus", "").trim().toLowerCase(Locale.ROOT));
        if (!CallbackFields.isProviderId(requestUuid) || state == null) {
            return WebResponse.text(400, state == null ? "CallStatus is not one of Plivo's" : "RequestUUID " + CallbackFields.PROVIDER_ID_RULE);
        }
        String via = "plivo-hangup" + (fields.get("HangupCause") == null ? "" : ": " + fields.get("HangupCause"));
        try {
            DeliveryOutcomes.Applied applied = outcomes.report(VoiceProviders.storedId(PlivoCalls.NAME, requestUuid), fields.get("ref"),
                    "call", state, via);
            if (applied == DeliveryOutcomes.Applied.NOTHING && CallbackFields.isProviderId(callUuid)) {
                applied = outcomes.report(VoiceProviders.storedId(PlivoCalls.NAME, callUuid), null, "call", state, via);
            }
            return WebResponse.text(200, switch (applied) {
                case CHANGED -> "recorded";
                case KEPT -> "kept until the RequestUUID is recorded";
                case NOTHING -> "nothing to change";
            });
        } catch (RuntimeException e) {
            // Plivo may post again; and the call's deadline check asks Plivo itself if it doesn't.
            Log.error("status-callback.failed", "RequestUUID", requestUuid, "error", e);
            return WebResponse.text(503, "not recorded, try again");
        }
    }
}
