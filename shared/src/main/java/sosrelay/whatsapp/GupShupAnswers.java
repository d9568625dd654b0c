package sosrelay.whatsapp;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import sosrelay.delivery.ProviderHttp;
import sosrelay.delivery.SendResult;
import sosrelay.json.Json;

/**
 * GupShup answers HTTP 200 even when it refuses a message, so the body decides:
 * {@code {"response":{"id":…,"status":"success"|"error","details":…}}}. An error is classified by its
 * numeric {@code id}, never by the wording of {@code details}:
 *
 * <ul>
 *   <li>{@code success} with an id: accepted.</li>
 *   <li>{@code error} with a passing id (100 "unknown error, retry later", 500 internal error, 4001 rate
 *       limited, 4002 an invalid answer from WhatsApp), or with no numeric id at all: transient.</li>
 *   <li>{@code error} saying the number is not opted in (1006, 1007, 1008): {@link #notOptedIn}; the
 *       sender opts the number in and tries once more.</li>
 *   <li>Any other numeric id (bad number, bad credentials, unapproved template, opted out): permanent.</li>
 *   <li>429, 408, 5xx, or a 200 whose body is not that JSON (a proxy's error page): transient.</li>
 *   <li>Any other 4xx: permanent.</li>
 * </ul>
 */
final class GupShupAnswers {
    private static final Set<Integer> PASSING = Set.of(100, 500, 4001, 4002);
    private static final Set<Integer> NOT_OPTED_IN = Set.of(1006, 1007, 1008);

    private GupShupAnswers() {
    }

    static SendResult classify(HttpResponse<String> response) {
        int status = response.statusCode();
        if (ProviderHttp.isTransientStatus(status)) {
            return new SendResult.Transient("GupShup " + status + ": " + ProviderHttp.excerpt(response.body()),
                    ProviderHttp.retryAfter(response));
        }
        if (status < 200 || status >= 300) {
            return new SendResult.Permanent("GupShup " + status + ": " + ProviderHttp.excerpt(response.body()));
        }
        Map<?, ?> answer = answer(response.body());
        if (answer == null) {
            return new SendResult.Transient("GupShup answered " + status + " without a response object", null);
        }
        if ("success".equalsIgnoreCase(text(answer, "status")) && !text(answer, "id").isBlank()) {
            return new SendResult.Accepted(text(answer, "id"));
        }
        if ("error".equalsIgnoreCase(text(answer, "status"))) {
            Integer code = code(answer);
            String reason = "GupShup error " + (code == null ? "without an id" : code) + ": " + ProviderHttp.excerpt(text(answer, "details"));
            return code == null || PASSING.contains(code) ? new SendResult.Transient(reason, null) : new SendResult.Permanent(reason);
        }
        return new SendResult.Transient("GupShup answered status '" + text(answer, "status") + "' without an id", null);
    }

    /** GupShup refused a template message because the number was never opted in. */
    static boolean notOptedIn(HttpResponse<String> response) {
        Map<?, ?> answer = response.statusCode() == 200 ? answer(response.body()) : null;
        return answer != null && "error".equalsIgnoreCase(text(answer, "status")) && NOT_OPTED_IN.contains(code(answer));
    }

    private static Integer code(Map<?, ?> answer) {
        try {
            return Integer.valueOf(text(answer, "id").trim());
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    private static Map<?, ?> answer(String body) {
        try {
            return Json.readObject(body).get("response") instanceof Map<?, ?> map ? map : null;
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value);
    }
}
