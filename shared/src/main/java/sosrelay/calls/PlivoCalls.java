package sosrelay.calls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.ProviderHttp;
import sosrelay.delivery.SendResult;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/**
 * Plivo's Call API: {@code POST /v1/Account/{auth_id}/Call/} with a JSON body rings {@code to}; when they pick up Plivo asks
 * our {@code answer_url} for its XML, and reports how the call ended to {@code hangup_url}. A 201 carries the
 * {@code request_uuid}, kept as {@code plivo-<request_uuid>}. Answers are read as Exotel's are: 429, 408 and 5xx are
 * worth retrying, any other 4xx (a number Plivo calls invalid, a caller ID not of the account, geo permissions) fails
 * the same way again. Numbers go as Plivo writes them: country code, no {@code +}.
 */
public final class PlivoCalls implements VoiceProvider {
    public static final String NAME = "plivo";
    /** Plivo's list filters take UTC times. */
    private static final DateTimeFormatter PLIVO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final ProviderHttp plivo;
    private final PlivoAccount account;
    private final URI endpoint;

    public PlivoCalls(HttpClient http, PlivoAccount account) {
        this.http = http;
        this.plivo = new ProviderHttp(http, "Plivo", account.requestTimeout());
        this.account = account;
        this.endpoint = ProviderHttp.endpoint(account.apiBaseUrl(), "/v1/Account/" + account.authId() + "/Call/");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SendResult send(DeliveryJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", digits(account.callerId()));
        body.put("to", digits(job.phone()));
        body.put("answer_url", account.webhookUrl().apply(new PlivoAccount.Webhook("answer", job)));
        body.put("answer_method", "POST");
        body.put("hangup_url", account.webhookUrl().apply(new PlivoAccount.Webhook("hangup", job)));
        body.put("hangup_method", "POST");
        body.put("ring_timeout", account.ringTimeoutSeconds());
        body.put("time_limit", account.timeLimitSeconds());
        return plivo.postJson(endpoint, auth(), body, PlivoCalls::classify);
    }

    /** 201 with a request_uuid: fired. Other answers as the class says. */
    static SendResult classify(HttpResponse<String> response) {
        int status = response.statusCode();
        Map<String, Object> body = object(response.body());
        if (status >= 200 && status < 300) {
            return body.get("request_uuid") instanceof String uuid && !uuid.isBlank()
                    ? new SendResult.Accepted(VoiceProviders.storedId(NAME, uuid))
                    : new SendResult.Unknown("Plivo answered " + status + " without a request_uuid");
        }
        String reason = "Plivo " + status + ": " + ProviderHttp.excerpt(body.get("error") != null ? String.valueOf(body.get("error"))
                : response.body());
        if (ProviderHttp.isTransientStatus(status)) {
            return new SendResult.Transient(reason, ProviderHttp.retryAfter(response));
        }
        return new SendResult.Permanent(reason);
    }

    /**
     * The calls Plivo placed to the job's number since {@code since}: still queued (their request_uuid), live, or over
     * (their call_uuid; Plivo's call records carry no request_uuid, the callbacks carry both).
     */
    @Override
    public List<String> sentSince(DeliveryJob job, Instant since) {
        String to = digits(job.phone());
        List<String> ids = new ArrayList<>();
        ids.addAll(strings(get("?" + FormEncoding.encode(Map.of("status", "live", "to_number", to))).get("calls")));
        Object records = get("?" + FormEncoding.encode(Map.of("to_number", to, "call_direction", "outbound",
                "add_time__gte", PLIVO_TIME.format(since), "limit", "20"))).get("objects");
        if (!(records instanceof List<?> list)) {
            throw new IllegalStateException("Plivo's call records without objects");
        }
        list.stream().filter(Map.class::isInstance).map(call -> ((Map<?, ?>) call).get("call_uuid"))
                .filter(String.class::isInstance).forEach(uuid -> ids.add((String) uuid));
        return ids.stream().distinct().map(id -> VoiceProviders.storedId(NAME, id)).toList();
    }

    /**
     * A call still queued at Plivo is {@code queued}; else its record, when the id is a call_uuid, says: answered is
     * {@code completed}, never answered {@code no-answer}. A request_uuid (our usual id) has no record: a live call whose
     * details carry it is {@code in-progress}; none, and the call is over without the hangup we were owed, its outcome
     * unknown: {@code failed}, an unanswered call, so the retry policy rings the person again rather than leave them
     * (Plivo's records can't tell us more; before this the check asked twelve times, twelve minutes, to say the same).
     * Asked in that order (queued before live), a call moving from the queue to the line is never missed.
     */
    @Override
    public String status(String providerId) {
        String id = providerId.substring(NAME.length() + 1);
        if (lookup(id + "/?status=queued") != null) {
            return "queued";
        }
        Map<String, Object> record = lookup(id + "/");
        if (record == null) {
            for (String callUuid : strings(get("?status=live").get("calls"))) {
                Map<String, Object> live = lookup(callUuid + "/?status=live");
                if (live != null && (id.equals(live.get("request_uuid")) || id.equals(live.get("call_uuid")))) {
                    return "ringing".equals(live.get("call_status")) ? "ringing" : "in-progress";
                }
                if (live != null && !(live.get("request_uuid") instanceof String)) {
                    // Details without a request_uuid (Plivo's older answer) can't rule this call out: never "over" on a guess.
                    throw new IllegalStateException("Plivo's live call " + callUuid + " has no request_uuid to compare");
                }
            }
            return "failed";
        }
        if (record.get("end_time") == null) {
            return "in-progress";
        }
        Object answered = record.get("answer_time");
        return answered != null && !String.valueOf(answered).isBlank() ? "completed" : "no-answer";
    }

    /** The JSON at {@code path} under the account's calls; null on Plivo's 404. */
    private Map<String, Object> lookup(String path) {
        try {
            return get(path);
        } catch (NoSuchCall e) {
            return null;
        }
    }

    private Map<String, Object> get(String path) {
        URI uri = URI.create(endpoint + path);
        Duration timeout = account.requestTimeout().compareTo(LOOKUP_TIMEOUT) > 0 ? account.requestTimeout() : LOOKUP_TIMEOUT;
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", auth())
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, Object> body = object(response.body());
            if (response.statusCode() == 404 && body.containsKey("api_id")) {
                throw new NoSuchCall();
            }
            if (response.statusCode() != 200 || !body.containsKey("api_id")) {
                throw new IllegalStateException("Plivo's call lookup answered " + response.statusCode());
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("Plivo's call lookup unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** Only Plivo's own 404 (its JSON with an api_id): a proxy's 404 page proves nothing about the call. */
    private static final class NoSuchCall extends IllegalStateException {
        NoSuchCall() {
            super("Plivo answered 404");
        }
    }

    private String auth() {
        // While a token is rotated the setting holds "new,old": requests go with the new one.
        return ProviderHttp.basicAuth(account.authId(), account.authToken().get().split(",")[0].trim());
    }

    private static List<String> strings(Object list) {
        return list instanceof List<?> items ? items.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
    }

    private static Map<String, Object> object(String body) {
        try {
            return Json.readObject(body);
        } catch (IllegalArgumentException notJson) {
            return Map.of();
        }
    }

    /** {@code +919800000001} as Plivo writes it: {@code 919800000001}. */
    static String digits(String number) {
        return number.replaceAll("[^0-9]", "");
    }
}
