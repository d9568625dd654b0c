package sosrelay.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sosrelay.json.Json;
import sosrelay.web.WebRequest;

/**
 * GupShup's real-time delivery reports, as its enterprise documentation shows them: a GET with one report in
 * the query ({@code externalId, deliveredTS, status, cause, phoneNo, errCode}), or a POST of a JSON array of up
 * to 20 events ({@code externalId, eventType, eventTs, destAddr, cause, errCode, channel}), which the example
 * writes after {@code response=}; so the array is read bare, under a {@code response} key or form field, or as
 * a single object. {@code externalId} is the id SendMessage answered.
 *
 * <p>GupShup's words in ours ({@code DeliveryStates}): {@code SENT} (handed to WhatsApp, not yet on the phone)
 * is {@code submitted}, as Exotel says of an SMS handed to the operator; {@code DELIVERED} (or the GET's
 * {@code SUCCESS}) is {@code delivered}; {@code READ} is {@code read}; {@code FAILED} and the other refusals
 * are {@code failed}. Any other word is kept as it came, and the delivery ignores it.
 */
public final class GupShupDeliveryReports {
    /** At most this many reports are read from one request: GupShup batches 20. */
    static final int MAX_REPORTS = 100;
    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("SENT", "submitted"),
            Map.entry("DELIVERED", "delivered"),
            Map.entry("SUCCESS", "delivered"),
            Map.entry("READ", "read"),
            Map.entry("FAILED", "failed"),
            Map.entry("FAIL", "failed"),
            Map.entry("UNDELIV", "failed"),
            Map.entry("UNDELIVERED", "failed"),
            Map.entry("REJECTED", "failed"),
            Map.entry("EXPIRED", "failed"));

    /** One report: GupShup's message id, the state in our words, and GupShup's cause and error code (may be null). */
    public record Report(String externalId, String state, String cause, String errorCode) {
        /** What the delivery's detail says: the cause, with the code when there is one. */
        String detail() {
            String text = cause == null ? "" : cause;
            return errorCode == null ? text : (text + " (" + errorCode + ")").strip();
        }
    }

    private GupShupDeliveryReports() {
    }

    /** Every report the request carries; none when it carries none (an empty or unreadable body). */
    public static List<Report> of(WebRequest request) {
        // Decoded once: a form of n fields must not be decoded again for each of them.
        Map<String, List<String>> parameters = request.parameters();
        List<Report> reports = new ArrayList<>();
        for (Object event : events(request, parameters)) {
            if (event instanceof Map<?, ?> fields && reports.size() < MAX_REPORTS) {
                Report report = report(fields);
                if (report != null) {
                    reports.add(report);
                }
            }
        }
        if (reports.isEmpty()) {
            Report single = report(flat(parameters));
            if (single != null) {
                reports.add(single);
            }
        }
        return reports;
    }

    /** The state in our words, or GupShup's own in lower case when it is none we know. */
    static String state(String word) {
        String upper = word.strip().toUpperCase(Locale.ROOT);
        return STATES.getOrDefault(upper, word.strip().toLowerCase(Locale.ROOT));
    }

    private static List<?> events(WebRequest request, Map<String, List<String>> parameters) {
        String body = request.bodyText().strip();
        if (body.startsWith("response=")) {
            body = body.substring("response=".length()).strip();
        }
        String form = WebRequest.first(parameters, "response");
        for (String text : form == null ? List.of(body) : List.of(body, form)) {
            if (text.startsWith("[")) {
                try {
                    return Json.readList(text);
                } catch (IllegalArgumentException unreadable) {
                    // not the array after all: try the next shape
                }
            } else if (text.startsWith("{")) {
                try {
                    Map<String, Object> object = Json.readObject(text);
                    return object.get("response") instanceof List<?> list ? list : List.of(object);
                } catch (IllegalArgumentException unreadable) {
                    // nor an object
                }
            }
        }
        return List.of();
    }

    /** The query's (or a form's) single report. */
    private static Map<String, String> flat(Map<String, List<String>> parameters) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            String value = WebRequest.first(parameters, name);
            if (value != null) {
                fields.put(name, value);
            }
        });
        return fields;
    }

    private static Report report(Map<?, ?> fields) {
        String id = text(fields, "externalId");
        String word = text(fields, "eventType") != null ? text(fields, "eventType") : text(fields, "status");
        if (id == null || word == null) {
            return null;
        }
        String code = text(fields, "errCode") != null ? text(fields, "errCode") : text(fields, "errorCode");
        return new Report(id, state(word), text(fields, "cause"), code);
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }
}
