package sosrelay.callbacks;

import java.util.Map;
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
 * Late, repeated and out-of-order callbacks are answered 200 and change nothing.
 */
public final class StatusCallbackWebhook implements Webhook {
    private final WebhookSecret secret;
    private final DeliveryOutcomes outcomes;
    private final String idField;
    private final String via;

    private StatusCallbackWebhook(WebhookSecret secret, DeliveryOutcomes outcomes, String idField, String via) {
        this.secret = secret;
        this.outcomes = outcomes;
        this.idField = idField;
        this.via = via;
    }

    public static StatusCallbackWebhook forCalls(WebhookSecret secret, DeliveryOutcomes outcomes) {
        return new StatusCallbackWebhook(secret, outcomes, "CallSid", "call-status-callback");
    }

    public static StatusCallbackWebhook forSms(WebhookSecret secret, DeliveryOutcomes outcomes) {
        return new StatusCallbackWebhook(secret, outcomes, "SmsSid", "sms-status-callback");
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
        try {
            boolean changed = outcomes.apply(id, status, blank(detail) ? via : via + ": " + detail);
            return WebResponse.text(200, changed ? "recorded" : "nothing to change");
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
