package sosrelay.callbacks;

import java.util.Map;
import sosrelay.calls.VoiceProviders;
import sosrelay.delivery.DeliveryOutcomes;
import sosrelay.log.Log;
import sosrelay.web.CallbackFields;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;
import sosrelay.web.WebhookSecret;

/**
 * Exotel's status callbacks: {@code /exotel/{secret}/call-status} ({@code CallSid}, {@code Status})
 * and {@code /exotel/{secret}/sms-status} ({@code SmsSid}, {@code Status}, {@code DetailedStatus}).
 * Late, repeated and out-of-order callbacks are answered 200 and change nothing. A callback whose
 * Sid we have not recorded yet (a busy line answers within a second, before the worker's own write)
 * is kept when its {@code CustomField} names a send under way, and applied once the Sid is recorded.
 * A call Exotel's answering-machine detection says a machine took ({@code Legs[].AnsweredBy}) did not
 * reach the person: it counts as unanswered.
 */
public final class StatusCallbackWebhook implements Webhook {
    private final WebhookSecret secret;
    private final DeliveryOutcomes outcomes;
    private final String idField;
    private final String channel;
    private final String via;

    private StatusCallbackWebhook(WebhookSecret secret, DeliveryOutcomes outcomes, String idField, String channel, String via) {
        this.secret = secret;
        this.outcomes = outcomes;
        this.idField = idField;
        this.channel = channel;
        this.via = via;
    }

    public static StatusCallbackWebhook forCalls(WebhookSecret secret, DeliveryOutcomes outcomes) {
        return new StatusCallbackWebhook(secret, outcomes, "CallSid", "call", "call-status-callback");
    }

    public static StatusCallbackWebhook forSms(WebhookSecret secret, DeliveryOutcomes outcomes) {
        return new StatusCallbackWebhook(secret, outcomes, "SmsSid", "sms", "sms-status-callback");
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!secret.matches(request.pathParameter("secret"))) {
            return WebResponse.text(403, "wrong webhook secret");
        }
        Map<String, String> fields = CallbackFields.of(request);
        String id = fields.get(idField);
        String status = fields.get("Status");
        if (blank(id) || blank(status)) {
            return WebResponse.text(400, (blank(id) ? idField : "Status") + " is missing");
        }
        if (!CallbackFields.isProviderId(id)) {
            return WebResponse.text(400, idField + " " + CallbackFields.PROVIDER_ID_RULE);
        }
        String detail = fields.get("DetailedStatus");
        String how = blank(detail) ? via : via + ": " + detail;
        if (AnsweringMachine.answered(fields)) {
            status = "no-answer";
            how = via + ": answered by a machine";
        }
        try {
            // A further Exotel account's calls report with ?account=b on their callback URL: kept under its name.
            String stored = "call".equals(channel) ? VoiceProviders.exotelCall(fields.get("account"), id) : id;
            if (stored == null) {
                return WebResponse.text(400, "no Exotel account is named " + fields.get("account"));
            }
            DeliveryOutcomes.Applied applied = outcomes.report(stored, fields.get("CustomField"), channel, status, how);
            return WebResponse.text(200, switch (applied) {
                case CHANGED -> "recorded";
                case KEPT -> "kept until the " + idField + " is recorded";
                case NOTHING -> "nothing to change";
            });
        } catch (RuntimeException e) {
            // Exotel may post again; and the call's deadline check asks Exotel itself if it doesn't.
            Log.error("status-callback.failed", idField, id, "error", e);
            return WebResponse.text(503, "not recorded, try again");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
