package sosrelay.calls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import sosrelay.delivery.SendResult;
import sosrelay.delivery.Sender;
import sosrelay.dispatch.DeliveryJob;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/**
 * Exotel's "connect a number to a call flow" API: rings {@code From} and, when they pick up, runs
 * the outbound flow, whose Dynamic Greeting asks us what to play.
 */
public final class ExotelCalls implements Sender {
    private final HttpClient http;
    private final ExotelAccount account;
    private final URI endpoint;

    public ExotelCalls(HttpClient http, ExotelAccount account) {
        this.http = http;
        this.account = account;
        this.endpoint = URI.create(trimSlash(account.apiBaseUrl()) + "/v1/Accounts/" + account.accountSid() + "/Calls/connect.json");
    }

    @Override
    public SendResult send(DeliveryJob job) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("From", job.phone());
        form.put("CallerId", account.callerId());
        form.put("Url", account.flowUrl());
        form.put("CallType", "trans");
        form.put("TimeOut", Integer.toString(account.ringTimeoutSeconds()));
        form.put("TimeLimit", Integer.toString(account.timeLimitSeconds()));
        form.put("CustomField", job.customField());
        form.put("StatusCallback", account.statusCallbackUrl());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(account.requestTimeout())
                .header("Authorization", basicAuth())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form)))
                .build();
        try {
            return ExotelAnswers.classify(http.send(request, HttpResponse.BodyHandlers.ofString()), "Call");
        } catch (HttpTimeoutException e) {
            return new SendResult.Transient("Exotel did not answer within " + account.requestTimeout().toMillis() + " ms", null);
        } catch (IOException e) {
            return new SendResult.Transient("Exotel unreachable: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Transient("interrupted", null);
        }
    }

    private String basicAuth() {
        String pair = account.apiKey() + ":" + account.apiToken().get();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Exotel's answers, read the same way for calls and (later) SMS. */
    static final class ExotelAnswers {
        private ExotelAnswers() {
        }

        static SendResult classify(HttpResponse<String> response, String resource) {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                String sid = sid(response.body(), resource);
                return sid != null
                        ? new SendResult.Accepted(sid)
                        : new SendResult.Transient("Exotel answered " + status + " without a " + resource + " Sid", null);
            }
            String reason = "Exotel " + status + ": " + message(response.body());
            if (status == 429 || status == 408 || status >= 500) {
                return new SendResult.Transient(reason, retryAfter(response));
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
                    return String.valueOf(map.get("Message"));
                }
            } catch (IllegalArgumentException notJson) {
                // fall through to the raw text
            }
            String text = body == null ? "" : body.strip();
            return text.length() <= 200 ? text : text.substring(0, 200);
        }

        private static Duration retryAfter(HttpResponse<String> response) {
            return response.headers().firstValue("Retry-After").map(value -> {
                try {
                    return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
                } catch (NumberFormatException httpDate) {
                    return null;
                }
            }).orElse(null);
        }
    }
}
