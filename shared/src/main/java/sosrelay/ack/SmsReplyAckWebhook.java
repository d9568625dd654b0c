package sosrelay.ack;

import java.util.Map;
import sosrelay.directory.PhoneNumbers;
import sosrelay.web.CallbackFields;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;
import sosrelay.web.WebhookSecret;

/**
 * {@code /exotel/{secret}/sms-reply}: Exotel's incoming SMS in either of its shapes: the legacy SMS app's
 * HEAD then GET with {@code SmsSid/From/To/Body}, and the two-way product's JSON POST with
 * {@code Sender/MessageBody/ReceivedOn}. {@link CodeReplies} decides whether it acknowledges. Answers
 * {@code text/plain}, which Exotel can send back as the reply.
 */
public final class SmsReplyAckWebhook implements Webhook {
    private final WebhookSecret secret;
    private final CodeReplies replies;

    public SmsReplyAckWebhook(WebhookSecret secret, CodeReplies replies) {
        this.secret = secret;
        this.replies = replies;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!secret.matches(request.pathParameter("secret"))) {
            return WebResponse.text(403, "wrong webhook secret");
        }
        if ("HEAD".equals(request.method())) {
            // The legacy app checks the URL with a HEAD before its GET: nothing to record yet.
            return WebResponse.text(200, "").withoutBody();
        }
        Map<String, String> fields = CallbackFields.of(request);
        String from = PhoneNumbers.toE164(fields.containsKey("From") ? fields.get("From") : fields.get("Sender"));
        String body = fields.containsKey("Body") ? fields.get("Body") : fields.getOrDefault("MessageBody", "");
        if (from == null) {
            return WebResponse.text(400, "From is missing or not a phone number");
        }
        CodeReplies.Result result = replies.reply(from, body, "sms");
        return WebResponse.text(200, switch (result.outcome()) {
            case NO_CODE -> "To acknowledge, reply with the 6-digit code from the alert.";
            case NOT_WAITING -> "No emergency with code " + result.code() + " is waiting for this number.";
            case ACKNOWLEDGED -> "Acknowledged. Thank you.";
            case FAILED -> "Your acknowledgement could not be recorded. Please call the emergency desk.";
        });
    }
}
