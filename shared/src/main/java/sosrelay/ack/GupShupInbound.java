package sosrelay.ack;

import java.util.Map;
import sosrelay.directory.PhoneNumbers;
import sosrelay.json.Json;
import sosrelay.web.CallbackFields;
import sosrelay.web.WebRequest;

/**
 * A WhatsApp message a person sent to the hospital's number, as GupShup posts it to the inbound webhook. Its
 * documented JSON: {@code {"type":"message","payload":{"type":"text","source":"91…","payload":{"text":"…"},
 * "sender":{"phone":"91…"}}}}; and the flat fields {@code mobile} and {@code text} (a form, a query or a flat
 * JSON object), as the enterprise account's two-way callback sends them. Only text messages count: a button,
 * an image or a status event carries no code.
 */
record GupShupInbound(String from, String text) {

    /** The sender (E.164) and the text, or null when the request is no text message from a phone number. */
    static GupShupInbound of(WebRequest request) {
        GupShupInbound documented = documented(request.bodyText());
        if (documented != null) {
            return documented;
        }
        Map<String, String> fields = CallbackFields.of(request);
        String type = fields.get("type");
        String from = PhoneNumbers.toE164(plus(fields.get("mobile")));
        String text = fields.get("text");
        if (from == null || text == null || (type != null && !"text".equalsIgnoreCase(type))) {
            return null;
        }
        return new GupShupInbound(from, text);
    }

    private static GupShupInbound documented(String body) {
        if (!body.strip().startsWith("{")) {
            return null;
        }
        Map<String, Object> event;
        try {
            event = Json.readObject(body);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
        if (!"message".equals(event.get("type")) || !(event.get("payload") instanceof Map<?, ?> message)
                || !"text".equals(message.get("type")) || !(message.get("payload") instanceof Map<?, ?> content)) {
            return null;
        }
        Object phone = message.get("sender") instanceof Map<?, ?> sender && sender.get("phone") != null ? sender.get("phone") : message.get("source");
        String from = phone == null ? null : PhoneNumbers.toE164(plus(String.valueOf(phone)));
        Object text = content.get("text");
        return from == null || text == null ? null : new GupShupInbound(from, String.valueOf(text));
    }

    /** GupShup writes numbers with the country code and without the plus (919800000001). */
    private static String plus(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        String digits = number.strip();
        return digits.startsWith("+") || digits.startsWith("0") || digits.length() <= 10 ? digits : "+" + digits;
    }
}
