package sosrelay.ack;

import java.util.Map;
import java.util.Optional;
import sosrelay.calls.VoiceProviders;
import sosrelay.delivery.DeliveryRef;
import sosrelay.delivery.PlacedCalls;
import sosrelay.log.Log;
import sosrelay.web.CallbackFields;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;
import sosrelay.web.WebhookSecret;

/**
 * {@code GET /exotel/{secret}/ack}: the Passthru after the outbound flow's "press 1 if you are coming,
 * 2 if you cannot" Gather. Someone is on the line, so the answer is immediate and never an error page.
 * Exotel reads a Passthru's answer as a branch: {@code 200} takes the first, {@code 302} the second.
 * A Passthru has only two branches, so the flow asks twice: {@code …/ack} answers 200 for 1 ("thank
 * you, the team knows you are coming"), and its 302 branch goes on to {@code …/ack?expect=2}, which
 * answers 200 for 2 ("thank you, we are calling someone else"); its 302 (any other key, or an answer
 * that could not be recorded) goes back to the greeting.
 */
public final class KeypressAckWebhook implements Webhook {
    private static final String ACKNOWLEDGE = "1";
    private static final String DECLINE = "2";
    private final WebhookSecret secret;
    private final PlacedCalls calls;
    private final Acknowledgements acknowledgements;

    public KeypressAckWebhook(WebhookSecret secret, PlacedCalls calls, Acknowledgements acknowledgements) {
        this.secret = secret;
        this.calls = calls;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!secret.matches(request.pathParameter("secret"))) {
            return WebResponse.text(403, "wrong webhook secret");
        }
        Map<String, String> fields = CallbackFields.of(request);
        String digits = fields.getOrDefault("digits", "").replace("\"", "").trim();
        boolean declining = DECLINE.equals(fields.get("expect"));
        if (!digits.equals(declining ? DECLINE : ACKNOWLEDGE)) {
            return WebResponse.text(302, declining ? "not declined: press 2" : "not acknowledged: press 1");
        }
        try {
            Optional<String[]> who = whoPressed(fields);
            if (who.isEmpty()) {
                Log.warn("ack.unknown-call", "callSid", fields.get("CallSid"));
                return WebResponse.text(302, "not acknowledged: unknown call");
            }
            if (declining) {
                Acknowledgements.Outcome outcome = acknowledgements.decline(who.get()[0], who.get()[1], "call");
                return outcome == Acknowledgements.Outcome.DECLINED
                        ? WebResponse.text(200, "declined")
                        : WebResponse.text(302, "not declined: " + outcome.name().toLowerCase(java.util.Locale.ROOT));
            }
            Acknowledgements.Outcome outcome = acknowledgements.acknowledge(who.get()[0], who.get()[1], "call");
            return outcome == Acknowledgements.Outcome.ACKNOWLEDGED || outcome == Acknowledgements.Outcome.ALREADY_ACKNOWLEDGED
                    ? WebResponse.text(200, "acknowledged")
                    : WebResponse.text(302, "not acknowledged: " + outcome.name().toLowerCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            Log.error("ack.failed", "callSid", fields.get("CallSid"), "error", e);
            return WebResponse.text(302, "not acknowledged: please press 1 again");
        }
    }

    /**
     * The incident and person, from the call we placed: the CallSid must be one Exotel gave us for a call
     * (the stored call-delivery mapping) that can still be on the line (a later press 1 is a replay), and a CustomField, when Exotel sends one, must name the same
     * incident and person. A CustomField alone proves nothing: anyone who saw an SMS knows the incident id.
     */
    private Optional<String[]> whoPressed(Map<String, String> fields) {
        String callSid = fields.get("CallSid");
        if (!CallbackFields.isProviderId(callSid)) {
            return Optional.empty();
        }
        // A further Exotel account's flow names it (?account=b): only a call placed through that account counts.
        String call = VoiceProviders.exotelCall(fields.get("account"), callSid);
        Optional<DeliveryRef> placed = call == null ? Optional.empty() : calls.onTheLine(call);
        String customField = fields.get("CustomField");
        if (placed.isPresent() && customField != null && !customField.isBlank()
                && !customField.equals(placed.get().incidentId() + ":" + placed.get().personId())) {
            Log.warn("ack.custom-field-mismatch", "callSid", callSid, "incidentId", placed.get().incidentId());
            return Optional.empty();
        }
        return placed.map(ref -> new String[] {ref.incidentId(), ref.personId()});
    }
}
