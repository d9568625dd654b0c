package sosrelay.local.sandbox;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.json.Json;

/**
 * The status callback Exotel posts when a call ends: multipart/form-data unless the call was placed
 * with {@code StatusCallbackContentType=application/json}, and the terminal event's extra fields
 * (CustomField, From, To, Legs…) only when it asked for {@code StatusCallbackEvents[0]=terminal}.
 */
final class StatusCallbackRequest {
    private StatusCallbackRequest() {
    }

    static HttpRequest of(SandboxExotel.PlacedCall call) {
        Map<String, Object> fields = fields(call);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.statusCallback()))
                .timeout(SandboxHttp.WEBHOOK_TIMEOUT);
        if ("application/json".equals(call.form().get("StatusCallbackContentType"))) {
            return request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(fields))).build();
        }
        MultipartForm form = new MultipartForm(flattened(fields));
        return request.header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build();
    }

    /** The callback as JSON shapes it; multipart flattens it. */
    static Map<String, Object> fields(SandboxExotel.PlacedCall call) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("CallSid", call.sid());
        if ("terminal".equals(call.form().get("StatusCallbackEvents[0]"))) {
            fields.put("EventType", "terminal");
        }
        fields.put("Status", call.status());
        fields.put("RecordingUrl", "");
        fields.put("DateUpdated", SandboxHttp.exotelTime(call.progress().updatedAt()));
        if (fields.containsKey("EventType")) {
            fields.put("CustomField", call.customFieldOrEmpty());
            fields.put("From", call.from());
            fields.put("To", call.callerId());
            fields.put("Direction", "outbound-api");
            Map<String, Object> leg = new LinkedHashMap<>();
            leg.put("Status", call.status());
            leg.put("OnCallDuration", call.onCallSeconds());
            if (call.outcome().picksUp()) {
                leg.put("AnsweredBy", call.outcome().answeredBy());
            }
            fields.put("Legs", List.of(leg));
        }
        return fields;
    }

    /** Lists of objects become {@code Legs[0][Status]}, the bracket names Exotel's form callbacks use. */
    static Map<String, String> flattened(Map<String, Object> fields) {
        Map<String, String> flat = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    int index = i;
                    ((Map<?, ?>) items.get(i)).forEach((key, item) -> flat.put(name + "[" + index + "][" + key + "]", String.valueOf(item)));
                }
            } else {
                flat.put(name, String.valueOf(value));
            }
        });
        return flat;
    }
}
