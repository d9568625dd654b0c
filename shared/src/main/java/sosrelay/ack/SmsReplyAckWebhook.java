package sosrelay.ack;

import java.util.Optional;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sosrelay.directory.Person;
import sosrelay.directory.PhoneNumbers;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.log.Log;
import sosrelay.web.CallbackFields;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;
import sosrelay.web.WebhookSecret;

/**
 * {@code /exotel/{secret}/sms-reply}: Exotel's incoming SMS in either of its shapes: the legacy SMS app's
 * HEAD then GET with {@code SmsSid/From/To/Body}, and the two-way product's JSON POST with
 * {@code Sender/MessageBody/ReceivedOn}. A reply carrying a live, unused six-digit code acknowledges the
 * incident for the person the code was issued to, if the reply comes from that person's phone; the code
 * is then spent. Answers {@code text/plain}, which Exotel can send back as the reply.
 */
public final class SmsReplyAckWebhook implements Webhook {
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    private final WebhookSecret secret;
    private final AckCodes codes;
    private final IncidentStore incidents;
    private final Acknowledgements acknowledgements;

    public SmsReplyAckWebhook(WebhookSecret secret, AckCodes codes, IncidentStore incidents, Acknowledgements acknowledgements) {
        this.secret = secret;
        this.codes = codes;
        this.incidents = incidents;
        this.acknowledgements = acknowledgements;
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
        Matcher code = CODE.matcher(body);
        if (!code.find()) {
            return WebResponse.text(200, "To acknowledge, reply with the 6-digit code from the alert.");
        }
        try {
            Optional<AckCodes.Holder> holder = codes.holder(code.group(1));
            Incident incident = holder.flatMap(h -> incidents.find(h.incidentId())).orElse(null);
            Person person = incident == null ? null : incident.recipient(holder.get().personId());
            // Only its own person's phone spends a code: a guess from another number burns nothing. It is spent
            // after the acknowledgement is recorded (which counts once per person anyway), so a failure keeps it.
            if (person == null || !person.phone().equals(from)) {
                Log.warn("sms-ack.refused", "from", PhoneNumbers.mask(from));
                return WebResponse.text(200, "No emergency with code " + code.group(1) + " is waiting for this number.");
            }
            acknowledgements.acknowledge(incident.id(), person.id(), "sms");
            codes.use(code.group(1));
            return WebResponse.text(200, "Acknowledged. Thank you.");
        } catch (RuntimeException e) {
            Log.error("sms-ack.failed", "from", PhoneNumbers.mask(from), "error", e);
            return WebResponse.text(200, "Your acknowledgement could not be recorded. Please call the emergency desk.");
        }
    }
}
