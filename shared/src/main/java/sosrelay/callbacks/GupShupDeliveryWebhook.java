package sosrelay.callbacks;

import java.util.List;
import sosrelay.delivery.DeliveryOutcomes;
import sosrelay.log.Log;
import sosrelay.web.CallbackFields;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;
import sosrelay.web.WebhookSecret;

/**
 * {@code /gupshup/{secret}/delivery}: GupShup's delivery reports for WhatsApp messages, each found by the id
 * SendMessage answered ({@code externalId}). A report whose id the worker has not recorded yet is kept and
 * applied when it is. A failed message counts as a failed delivery and falls back to a call, as a failed SMS
 * does; it is not sent again on WhatsApp. Reports we cannot use are answered 200 and logged: GupShup sends
 * again whatever is not answered 2xx, and would keep sending what we will never take.
 */
public final class GupShupDeliveryWebhook implements Webhook {
    private static final String VIA = "gupshup-delivery-report";

    private final WebhookSecret secret;
    private final DeliveryOutcomes outcomes;

    public GupShupDeliveryWebhook(WebhookSecret secret, DeliveryOutcomes outcomes) {
        this.secret = secret;
        this.outcomes = outcomes;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!secret.matches(request.pathParameter("secret"))) {
            return WebResponse.text(403, "wrong webhook secret");
        }
        List<GupShupDeliveryReports.Report> reports = GupShupDeliveryReports.of(request);
        if (reports.isEmpty()) {
            Log.warn("gupshup-report.ignored", "reason", "no report with an externalId and a status");
            return WebResponse.text(200, "no report");
        }
        int failed = 0;
        for (GupShupDeliveryReports.Report report : reports) {
            if (!CallbackFields.isProviderId(report.externalId())) {
                Log.warn("gupshup-report.ignored", "reason", "externalId " + CallbackFields.PROVIDER_ID_RULE);
                continue;
            }
            String detail = report.detail();
            try {
                outcomes.reportById(report.externalId(), report.state(), detail.isEmpty() ? VIA : VIA + ": " + detail);
            } catch (RuntimeException e) {
                failed++;
                Log.error("gupshup-report.failed", "externalId", report.externalId(), "error", e);
            }
        }
        // A storage failure is worth GupShup's second try: what was applied already changes nothing the second time.
        return failed == 0 ? WebResponse.text(200, "recorded " + reports.size()) : WebResponse.text(503, "not recorded, try again");
    }
}
