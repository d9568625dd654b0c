package sosrelay.plivo;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sosrelay.ack.Acknowledgements;
import sosrelay.calls.PlivoCalls;
import sosrelay.calls.VoiceProviders;
import sosrelay.delivery.DeliveryRef;
import sosrelay.delivery.PlacedCalls;
import sosrelay.directory.Language;
import sosrelay.log.Log;
import sosrelay.web.CallbackFields;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/**
 * {@code POST /plivo/{secret}/input}: the {@code <GetInput>}'s action, with the key pressed ({@code Digits}). 1
 * acknowledges, 2 declines, by the same rules as Exotel's press 1: only a call we placed counts ({@code RequestUUID}, or the
 * {@code call} our action URL names, while the call can be on the line, and its {@code ref} naming the same delivery). Any
 * other key hears the question again. An unsigned request changes nothing.
 */
public final class PlivoInputWebhook implements Webhook {
    private final PlivoCallbacks callbacks;
    private final PlacedCalls calls;
    private final Acknowledgements acknowledgements;
    private final Language language;

    public PlivoInputWebhook(PlivoCallbacks callbacks, PlacedCalls calls, Acknowledgements acknowledgements, Language language) {
        this.callbacks = callbacks;
        this.calls = calls;
        this.acknowledgements = acknowledgements;
        this.language = language;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!callbacks.secretMatches(request)) {
            return WebResponse.text(403, "wrong webhook secret");
        }
        Optional<Map<String, String>> signed = callbacks.signed(request, "input");
        if (signed.isEmpty()) {
            return WebResponse.text(403, "not signed by Plivo");
        }
        Map<String, String> fields = signed.get();
        String digits = fields.getOrDefault("Digits", "").trim();
        String requestUuid = fields.getOrDefault("RequestUUID", fields.get("call"));
        try {
            if (!digits.equals("1") && !digits.equals("2")) {
                return PlivoAnswerWebhook.xml(PlivoXml.askAgain(language,
                        PlivoAnswerWebhook.inputUrl(callbacks, request, requestUuid, fields.get("ref"))));
            }
            Optional<DeliveryRef> who = whoPressed(requestUuid, fields.get("ref"));
            if (who.isEmpty()) {
                Log.warn("ack.unknown-call", "callSid", requestUuid);
                return say("Your answer could not be recorded.", "आपका उत्तर दर्ज नहीं हो सका.");
            }
            Acknowledgements.Outcome outcome = digits.equals("1")
                    ? acknowledgements.acknowledge(who.get().incidentId(), who.get().personId(), "call")
                    : acknowledgements.decline(who.get().incidentId(), who.get().personId(), "call");
            return switch (outcome) {
                case ACKNOWLEDGED, ALREADY_ACKNOWLEDGED -> say("Thank you. The team knows you are coming.",
                        "धन्यवाद. टीम को पता है कि आप आ रहे हैं.");
                case DECLINED -> say("Thank you. We are calling someone else.", "धन्यवाद. हम किसी और को कॉल कर रहे हैं.");
                default -> {
                    Log.warn("ack.not-recorded", "callSid", requestUuid, "outcome", outcome.name().toLowerCase(Locale.ROOT));
                    yield say("Your answer could not be recorded.", "आपका उत्तर दर्ज नहीं हो सका.");
                }
            };
        } catch (RuntimeException e) {
            Log.error("ack.failed", "callSid", requestUuid, "error", e);
            return say("Your answer could not be recorded. Please call the emergency desk.", "आपका उत्तर दर्ज नहीं हो सका. कृपया आपातकालीन डेस्क को कॉल करें.");
        }
    }

    private Optional<DeliveryRef> whoPressed(String requestUuid, String ref) {
        if (!CallbackFields.isProviderId(requestUuid)) {
            return Optional.empty();
        }
        Optional<DeliveryRef> placed = calls.onTheLine(VoiceProviders.storedId(PlivoCalls.NAME, requestUuid));
        if (placed.isPresent() && ref != null && !ref.equals(placed.get().incidentId() + ":" + placed.get().personId())) {
            Log.warn("ack.custom-field-mismatch", "callSid", requestUuid, "incidentId", placed.get().incidentId());
            return Optional.empty();
        }
        return placed;
    }

    private WebResponse say(String english, String hindi) {
        return PlivoAnswerWebhook.xml(PlivoXml.say(language == Language.HI ? hindi : english, language));
    }
}
