package sosrelay.calls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import sosrelay.delivery.ProviderHttp;
import sosrelay.incident.ExotelTimes;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/**
 * Exotel's call details API: how a call stands, for when its status callback never came; and which calls
 * went to a number since a moment, for when a connect request got no answer.
 */
public final class ExotelCallDetails {
    /** Exotel's filters take IST wall-clock times. */
    private static final DateTimeFormatter EXOTEL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ExotelTimes.IST);
    /** A person rung more often than this within a few minutes is not a case worth paging through. */
    private static final int PAGE = 20;
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final ExotelAccount account;

    public ExotelCallDetails(HttpClient http, ExotelAccount account) {
        this.http = http;
        this.account = account;
    }

    /** Exotel's status word for the call; {@link IllegalStateException} when Exotel can't say. */
    public String status(String callSid) {
        if (get("/Calls/" + callSid + ".json").get("Call") instanceof Map<?, ?> call && call.get("Status") instanceof String status) {
            return status;
        }
        throw new IllegalStateException("Exotel call details without a Call.Status");
    }

    /**
     * The Sids of the calls Exotel created to {@code e164} (the number rung first, Exotel's {@code From})
     * since {@code since}, newest first (the bulk call details API); {@link IllegalStateException} when Exotel can't say.
     */
    public List<String> placedSince(String e164, Instant since) {
        Instant now = Instant.now();
        String range = "gte:" + EXOTEL_TIME.format(since) + ";lte:" + EXOTEL_TIME.format(now.plus(Duration.ofMinutes(5)));
        String query = FormEncoding.encode(Map.of("From", e164, "DateCreated", range, "SortBy", "DateCreated:desc",
                "PageSize", Integer.toString(PAGE)));
        if (get("/Calls.json?" + query).get("Calls") instanceof List<?> calls) {
            return calls.stream().filter(Map.class::isInstance).map(call -> ((Map<?, ?>) call).get("Sid"))
                    .filter(String.class::isInstance).map(String.class::cast).toList();
        }
        throw new IllegalStateException("Exotel bulk call details without Calls");
    }

    private Map<String, Object> get(String path) {
        URI uri = ProviderHttp.endpoint(account.apiBaseUrl(), "/v1/Accounts/" + account.accountSid() + path);
        // Never on a caller's path: a slow answer costs a retry's delay, so it gets longer than a connect request.
        Duration timeout = account.requestTimeout().compareTo(LOOKUP_TIMEOUT) > 0 ? account.requestTimeout() : LOOKUP_TIMEOUT;
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", ProviderHttp.basicAuth(account.apiKey(), account.apiToken().get()))
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Exotel call details answered " + response.statusCode());
            }
            return Json.readObject(response.body());
        } catch (IllegalArgumentException notJson) {
            throw new IllegalStateException("Exotel call details answered something that is not JSON");
        } catch (IOException e) {
            throw new IllegalStateException("Exotel call details unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
