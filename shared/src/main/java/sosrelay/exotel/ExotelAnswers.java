package sosrelay.exotel;

import java.net.http.HttpResponse;
import java.util.Map;
import sosrelay.delivery.ProviderHttp;
import sosrelay.delivery.SendResult;
import sosrelay.json.Json;

/**
 * Exotel's answers, read the same way for calls and SMS: a 2xx with the resource's Sid is accepted (without
 * one, Exotel may still have taken it);
 * 429, 408 and 5xx are worth retrying (with Exotel's Retry-After); any other 4xx (bad number, bad
 * credentials, "no valid sender id") will fail the same way again.
 */
public final class ExotelAnswers {
    private ExotelAnswers() {
    }

    /** {@code resource} is the key Exotel wraps its answer in: {@code Call}, {@code SMSMessage}. */
    public static SendResult classify(HttpResponse<String> response, String resource) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            String sid = sid(response.body(), resource);
            return sid != null
                    ? new SendResult.Accepted(sid)
                    : new SendResult.Unknown("Exotel answered " + status + " without a " + resource + " Sid");
        }
        String reason = "Exotel " + status + ": " + message(response.body());
        if (ProviderHttp.isTransientStatus(status)) {
            return new SendResult.Transient(reason, ProviderHttp.retryAfter(response));
        }
        return new SendResult.Permanent(reason);
    }

    private static String sid(String body, String resource) {
        try {
            Object inner = Json.readObject(body).get(resource);
            return inner instanceof Map<?, ?> map && map.get("Sid") instanceof String sid && !sid.isBlank() ? sid : null;
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private static String message(String body) {
        try {
            Object exception = Json.readObject(body).get("RestException");
            if (exception instanceof Map<?, ?> map && map.get("Message") != null) {
                return ProviderHttp.excerpt(String.valueOf(map.get("Message")));
            }
        } catch (IllegalArgumentException notJson) {
            // fall through to the raw text
        }
        return ProviderHttp.excerpt(body);
    }
}
