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
 * Exotel's call details API: how a call stands, for when its status callback never came; which calls
 * went to a number since a moment, for when a connect request got no answer; and whether a Passthru's
 * CallSid is a call Exotel knows at all.
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

    /** What Exotel's details of one call said: the call, a definite "no such call", or nothing to go by. */
    public sealed interface Lookup {
        /** Exotel's {@code Call} object, as it answered it. */
        record Found(Map<?, ?> call) implements Lookup {
        }

        /** A 404: Exotel knows no such call in this account (or not yet: its details may lag a moment). */
        record NotFound() implements Lookup {
        }

        /** Anything else (5xx, 429, a timeout, our own credentials refused, no {@code Call}): says nothing about the call. */
        record Unavailable(String why) implements Lookup {
        }
    }

    /** Exotel's status word for the call; {@link IllegalStateException} when Exotel can't say. */
    public String status(String callSid) {
        if (get("/Calls/" + callSid + ".json").get("Call") instanceof Map<?, ?> call && call.get("Status") instanceof String status) {
            return status;
        }
        throw new IllegalStateException("Exotel call details without a Call.Status");
    }

    /** The call's details, telling a definite 404 apart from an answer that says nothing. */
    public Lookup lookup(String callSid) {
        try {
            if (get("/Calls/" + callSid + ".json").get("Call") instanceof Map<?, ?> call) {
                return new Lookup.Found(call);
            }
            return new Lookup.Unavailable("Exotel call details without a Call");
        } catch (NoSuchCall e) {
            return new Lookup.NotFound();
        } catch (IllegalStateException e) {
            return new Lookup.Unavailable(e.getMessage());
        }
    }

    /**
     * Only Exotel's own error body ({@code RestException}) makes a 404 "no such call": a wrong base URL or a proxy's
     * 404 page must never pass for one, or a misconfiguration would take every real emergency for a forgery.
     */
    private static boolean isExotelsOwn(String body) {
        try {
            return Json.readObject(body).get("RestException") instanceof Map<?, ?>;
        } catch (IllegalArgumentException notJson) {
            return false;
        }
    }

    /** Exotel's 404 for a call: thrown by {@link #get} so that only {@link #lookup} needs to tell it apart. */
    private static final class NoSuchCall extends IllegalStateException {
        NoSuchCall() {
            super("Exotel call details answered 404");
        }
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
            if (response.statusCode() == 404 && isExotelsOwn(response.body())) {
                throw new NoSuchCall();
            }
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
