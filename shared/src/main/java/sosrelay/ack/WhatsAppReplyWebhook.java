package sosrelay.ack;

import sosrelay.directory.PhoneNumbers;
import sosrelay.log.Log;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;
import sosrelay.web.WebhookSecret;

/**
 * {@code /gupshup/{secret}/inbound}: a WhatsApp message to the hospital's number ({@link GupShupInbound}). One
 * carrying a live code, from the phone of the person the code was issued to, acknowledges exactly as an SMS
 * reply does ({@link CodeReplies}). Whatever else arrives (another event, another number, no code) is answered
 * 200 and logged: GupShup sends again anything not answered 2xx, and nothing here would change the second time.
 * Only a reply that could not be recorded (storage) is answered 503, so that GupShup's second try may record it.
 * Nothing is sent back: a WhatsApp answer would be a session message of its own, paid for and not needed.
 */
public final class WhatsAppReplyWebhook implements Webhook {
    private final WebhookSecret secret;
    private final CodeReplies replies;

    public WhatsAppReplyWebhook(WebhookSecret secret, CodeReplies replies) {
        this.secret = secret;
        this.replies = replies;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!secret.matches(request.pathParameter("secret"))) {
            return WebResponse.text(403, "wrong webhook secret");
        }
        GupShupInbound message = GupShupInbound.of(request);
        if (message == null) {
            Log.info("whatsapp-reply.ignored", "reason", "not a text message from a phone number");
            return WebResponse.text(200, "ignored");
        }
        CodeReplies.Result result = replies.reply(message.from(), message.text(), "whatsapp");
        if (result.outcome() != CodeReplies.Outcome.ACKNOWLEDGED) {
            Log.info("whatsapp-reply.ignored", "from", PhoneNumbers.mask(message.from()), "reason", result.outcome());
        }
        return WebResponse.text(result.outcome() == CodeReplies.Outcome.FAILED ? 503 : 200,
                result.outcome().name().toLowerCase(java.util.Locale.ROOT));
    }
}
