package sosrelay.delivery;

import sosrelay.directory.PhoneNumbers;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/**
 * The one way every sender talks to its provider: a form-encoded (or JSON) POST whose answer the provider's
 * own rules classify. A request that never reached the provider is worth another try; one that reached it
 * and got no answer is {@link SendResult.Unknown}: the provider may have acted on it. Failure reasons name
 * the provider and the kind of failure only, never the request, so no credential reaches a log.
 */
public final class ProviderHttp {
    private static final int EXCERPT = 200;

    private final HttpClient http;
    private final String provider;
    private final Duration timeout;

    public ProviderHttp(HttpClient http, String provider, Duration timeout) {
        this.http = http;
        this.provider = provider;
        this.timeout = timeout;
    }

    /** {@code authorization} may be null (credentials in the body). */
    public SendResult post(URI endpoint, String authorization, Map<String, String> form,
                           Function<HttpResponse<String>, SendResult> classify) {
        return post(endpoint, authorization, "application/x-www-form-urlencoded", FormEncoding.encode(form), classify);
    }

    /** As {@link #post}, with a JSON body (Plivo takes nothing else). */
    public SendResult postJson(URI endpoint, String authorization, Map<String, ?> body,
                               Function<HttpResponse<String>, SendResult> classify) {
        return post(endpoint, authorization, "application/json", Json.write(body), classify);
    }

    private SendResult post(URI endpoint, String authorization, String contentType, String body,
                            Function<HttpResponse<String>, SendResult> classify) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return classify.apply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (HttpConnectTimeoutException | ConnectException neverReached) {
            return new SendResult.Transient(provider + " unreachable: " + neverReached.getClass().getSimpleName(), null);
        } catch (HttpTimeoutException e) {
            return new SendResult.Unknown(provider + " did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new SendResult.Unknown(provider + " connection lost: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Transient("interrupted", null);
        }
    }

    /** {@code base} with or without a trailing slash, then {@code path}. */
    public static URI endpoint(String base, String path) {
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** 429, 408 and 5xx: the provider is busy or down, not refusing this message. */
    public static boolean isTransientStatus(int status) {
        return status == 429 || status == 408 || status >= 500;
    }

    /** The provider's Retry-After in seconds, or null when absent or an HTTP date. */
    public static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").map(value -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
            } catch (NumberFormatException httpDate) {
                return null;
            }
        }).orElse(null);
    }

    /** Enough of a provider's text for a log line or a delivery record. */
    public static String excerpt(String text) {
        String stripped = text == null ? "" : PhoneNumbers.maskWithin(text.strip());
        return stripped.length() <= EXCERPT ? stripped : stripped.substring(0, EXCERPT);
    }
}
