package sosrelay.whatsapp;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sosrelay.delivery.ProviderHttp;
import sosrelay.delivery.SendResult;
import sosrelay.json.Json;

/**
 * GupShup answers HTTP 200 even when it refuses a message, so the body decides:
 * {@code {"response":{"id":…,"status":"success"|"error","details":…}}}.
 *
 * <ul>
 *   <li>{@code success} with an id: accepted.</li>
 *   <li>{@code error}: permanent (bad number, bad credentials, unapproved template), unless the
 *       details read as a passing condition (they mention throttling, a rate limit, too many
 *       requests, "try again", something temporary, a timeout or an unavailable or busy service):
 *       then transient.</li>
 *   <li>429, 408, 5xx, or a 200 whose body is not that JSON (a proxy's error page): transient.</li>
 *   <li>Any other 4xx: permanent.</li>
 * </ul>
 */
final class GupShupAnswers {
    private static final List<String> PASSING = List.of(
            "throttl", "rate limit", "too many", "try again", "temporar", "timeout", "timed out", "unavailable", "busy");

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
        String details = ProviderHttp.excerpt(text(answer, "details"));
        if ("success".equalsIgnoreCase(text(answer, "status")) && !text(answer, "id").isBlank()) {
            return new SendResult.Accepted(text(answer, "id"));
        }
        if ("error".equalsIgnoreCase(text(answer, "status"))) {
            String reason = "GupShup error: " + details;
            return passing(details) ? new SendResult.Transient(reason, null) : new SendResult.Permanent(reason);
        }
        return new SendResult.Transient("GupShup answered status '" + text(answer, "status") + "' without an id", null);
    }

    private static Map<?, ?> answer(String body) {
        try {
            return Json.readObject(body).get("response") instanceof Map<?, ?> map ? map : null;
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private static boolean passing(String details) {
        String lower = details.toLowerCase(Locale.ROOT);
        return PASSING.stream().anyMatch(lower::contains);
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value);
    }
}
