package sosrelay.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import sosrelay.directory.PhoneNumbers;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/**
 * The sandbox Exotel's calls, from connect to the status callback: each call plays the outcome its
 * number's script gives it (queued, ringing, then picked up or not), asks our greeting and ack
 * webhooks as Exotel's flow would, and reports its end. The call details API reads the same records.
 */
final class SandboxCalls {
    /** How soon a busy or unreachable number's call ends: Exotel's callback for one comes within a second. */
    private static final Duration ENDS_AT_ONCE = Duration.ofMillis(200);
    private final Map<String, SandboxExotel.PlacedCall> calls = Collections.synchronizedMap(new LinkedHashMap<>());
    private final CallScript script = new CallScript();
    final ProviderTrouble trouble = new ProviderTrouble();
    private final CallHistory history;
    private final HttpClient http;
    private final ScheduledExecutorService timeline;
    private final StatusCallbacks statusCallbacks;
    private final PrintStream console;
    /** How long a call rings before it is picked up or given up, and how long a picked-up call lasts. */
    private final Duration ringFor;
    private volatile String greetingUrl;
    private volatile String ackUrl;

    SandboxCalls(HttpClient http, ScheduledExecutorService timeline, PrintStream console, Duration ringFor, CallHistory history) {
        this.history = history;
        this.http = http;
        this.timeline = timeline;
        this.console = console;
        this.ringFor = ringFor;
        this.statusCallbacks = new StatusCallbacks(http, timeline, console);
    }

    CallScript script() {
        return script;
    }

    void answerWith(String url) {
        greetingUrl = url;
    }

    void acknowledgeWith(String url) {
        ackUrl = url;
    }

    List<SandboxExotel.PlacedCall> all() {
        synchronized (calls) {
            return List.copyOf(calls.values());
        }
    }

    void place(HttpExchange exchange, Map<String, String> form) throws IOException {
        List<String> missing = SandboxHttp.missing(form, List.of("From", "CallerId", "Url"));
        if (!missing.isEmpty()) {
            SandboxHttp.exotelError(exchange, 400, "Missing parameter(s): " + missing);
            return;
        }
        Instant now = Instant.now();
        ProviderTrouble.Verdict verdict = trouble.next(now);
        if (verdict instanceof ProviderTrouble.Verdict.Throttle throttle) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(throttle.retryAfterSeconds()));
            SandboxHttp.exotelError(exchange, 429, "Too many requests");
            return;
        }
        if (verdict instanceof ProviderTrouble.Verdict.ServerError) {
            SandboxHttp.exotelError(exchange, 503, "Service unavailable");
            return;
        }
        if (verdict instanceof ProviderTrouble.Verdict.Hang hang) {
            sleep(hang.duration());
            if (!hang.placesCall()) {
                SandboxHttp.exotelError(exchange, 504, "Gateway timeout");
                return;
            }
            now = Instant.now();
        }
        SandboxExotel.PlacedCall call = new SandboxExotel.PlacedCall(UUID.randomUUID().toString().replace("-", ""),
                form.get("From"), form.get("CallerId"), form.get("Url"), form.get("CustomField"), form.get("StatusCallback"),
                form, now, script.next(form.get("From")), CallProgress.queued(now));
        calls.put(call.sid(), call);
        history.record(call);
        console.printf("[sandbox exotel] ringing %s (call %s)%n", PhoneNumbers.mask(call.from()), call.sid().substring(0, 8));
        timeline.execute(() -> ring(call.sid()));
        SandboxHttp.reply(exchange, 200, Json.write(Map.of("Call", Map.of("Sid", call.sid(), "Status", "in-progress",
                "From", call.from(), "PhoneNumberSid", call.callerId(), "Direction", "outbound-api"))));
    }

    /** {@code GET Calls/{CallSid}.json}: the call as it stands, in Exotel's words. */
    void details(HttpExchange exchange, String sid) throws IOException {
        SandboxExotel.PlacedCall call = calls.containsKey(sid) ? calls.get(sid)
                : history.earlier().stream().filter(c -> c.sid().equals(sid)).findFirst().orElse(null);
        if (call == null) {
            SandboxHttp.exotelError(exchange, 404, "Call " + sid + " was not found");
            return;
        }
        SandboxHttp.reply(exchange, 200, Json.write(Map.of("Call", detailsOf(call))));
    }

    /**
     * {@code GET Calls.json}: Exotel's bulk call details, filtered by {@code From} (at most five numbers) and
     * {@code DateCreated} ({@code gte:…;lte:…} in India time), newest first unless {@code SortBy=DateCreated:asc}.
     */
    void bulkDetails(HttpExchange exchange, Map<String, String> query) throws IOException {
        BulkCallFilter filter;
        try {
            filter = BulkCallFilter.parse(query);
        } catch (IllegalArgumentException e) {
            SandboxHttp.exotelError(exchange, 400, e.getMessage());
            return;
        }
        List<SandboxExotel.PlacedCall> known = new ArrayList<>(history.earlier());
        known.addAll(all());
        List<Map<String, Object>> found = filter.apply(known).stream().map(this::detailsOf).toList();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Total", found.size());
        metadata.put("PageSize", filter.pageSize());
        metadata.put("FirstPageUri", "/v1/Accounts/" + SandboxExotel.ACCOUNT_SID + "/Calls.json");
        metadata.put("PrevPageUri", null);
        metadata.put("NextPageUri", null);
        SandboxHttp.reply(exchange, 200, Json.write(Map.of("Metadata", metadata,
                "Calls", found.subList(0, Math.min(found.size(), filter.pageSize())))));
    }

    private Map<String, Object> detailsOf(SandboxExotel.PlacedCall call) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("Sid", call.sid());
        details.put("AccountSid", SandboxExotel.ACCOUNT_SID);
        details.put("From", call.from());
        details.put("To", call.callerId());
        details.put("PhoneNumberSid", call.callerId());
        details.put("Status", call.status());
        details.put("DateCreated", SandboxHttp.exotelTime(call.at()));
        details.put("DateUpdated", SandboxHttp.exotelTime(call.progress().updatedAt()));
        details.put("StartTime", SandboxHttp.exotelTime(call.at()));
        details.put("EndTime", call.ended() ? SandboxHttp.exotelTime(call.progress().updatedAt()) : "");
        details.put("Duration", call.onCallSeconds());
        details.put("Direction", "outbound-api");
        details.put("RecordingUrl", "");
        details.put("Uri", "/v1/Accounts/" + SandboxExotel.ACCOUNT_SID + "/Calls/" + call.sid() + ".json");
        return details;
    }

    private void ring(String sid) {
        SandboxExotel.PlacedCall call = update(sid, p -> p.withStatus("ringing", Instant.now()));
        long after = call.outcome().endsAtOnce() ? Math.min(ringFor.toMillis(), ENDS_AT_ONCE.toMillis()) : ringFor.toMillis();
        timeline.schedule(() -> endRinging(sid), after, TimeUnit.MILLISECONDS);
    }

    private void endRinging(String sid) {
        SandboxExotel.PlacedCall call = calls.get(sid);
        if (!call.outcome().picksUp()) {
            console.printf("[sandbox exotel] %s %s (script: %s)%n", PhoneNumbers.mask(call.from()), call.outcome().missed(),
                    call.outcome());
            hangUp(sid);
            return;
        }
        call = update(sid, p -> p.answered(Instant.now()));
        hearGreeting(call);
        if (call.outcome().digits() != null) {
            pressKey(call);
        }
        timeline.schedule(() -> hangUp(sid), ringFor.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void hangUp(String sid) {
        String finalStatus = calls.get(sid).outcome().finalStatus();
        SandboxExotel.PlacedCall call = update(sid, p -> p.withStatus(finalStatus, Instant.now()));
        if (call.outcome().postsCallback() && call.statusCallback() != null && !call.statusCallback().isBlank()) {
            statusCallbacks.post(call, attempt -> update(sid, p -> p.withCallback(attempt)));
        }
    }

    /** As Exotel's Dynamic Greeting applet: HEAD, then GET, and only a 200 text/plain on both is spoken. */
    private void hearGreeting(SandboxExotel.PlacedCall call) {
        String url = greetingUrl;
        if (url == null) {
            return;
        }
        String query = FormEncoding.encode(Map.of("CallSid", call.sid(), "From", call.from(), "To", call.callerId(),
                "CustomField", call.customFieldOrEmpty()));
        try {
            URI uri = URI.create(url + (url.contains("?") ? "&" : "?") + query);
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .timeout(SandboxHttp.WEBHOOK_TIMEOUT).build(), HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri).GET().timeout(SandboxHttp.WEBHOOK_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            String contentType = get.headers().firstValue("Content-Type").orElse("");
            String heard = get.statusCode() == 200 && "text/plain".equals(contentType)
                    && contentType.equals(head.headers().firstValue("Content-Type").orElse(null))
                    ? get.body().strip()
                    : "(Exotel would refuse this greeting: " + get.statusCode() + " " + contentType + ")";
            CallProgress.Played played = heard.startsWith("http://") || heard.startsWith("https://") ? play(heard) : null;
            update(call.sid(), p -> p.withHeard(heard, played));
            console.printf("[sandbox exotel] %s picked up and hears: %s%n", PhoneNumbers.mask(call.from()),
                    played == null ? heard : "a recording (" + played.httpStatus() + ", " + played.bytes() + " bytes of " + played.contentType() + ")");
        } catch (IOException | IllegalArgumentException e) {
            console.printf("[sandbox exotel] %s picked up but the greeting failed: %s%n", PhoneNumbers.mask(call.from()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** As Exotel's player fetches a greeting's URL: a plain GET, no credentials of any kind, redirects not followed. */
    private CallProgress.Played play(String url) throws InterruptedException {
        try {
            HttpResponse<byte[]> audio = http.send(HttpRequest.newBuilder(URI.create(url)).GET().timeout(SandboxHttp.WEBHOOK_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new CallProgress.Played(audio.statusCode(), audio.headers().firstValue("Content-Type").orElse(""), audio.body().length);
        } catch (IOException | IllegalArgumentException e) {
            return new CallProgress.Played(0, "", 0);
        }
    }

    /**
     * As the outbound flow the docs describe: a Gather, then a Passthru to the ack URL with the call's
     * fields and the key pressed (Exotel sends it in double quotes, {@code digits="1"}); on its second
     * branch (302) a second Passthru to the ack URL with {@code expect=2}, which takes a decline.
     */
    private void pressKey(SandboxExotel.PlacedCall call) {
        String url = ackUrl;
        String digits = call.outcome().digits();
        if (url == null) {
            console.printf("[sandbox exotel] %s pressed %s, but the sandbox has no ack URL%n", PhoneNumbers.mask(call.from()), digits);
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("CallSid", call.sid());
        query.put("CallFrom", call.from());
        query.put("CallTo", call.callerId());
        query.put("From", call.from());
        query.put("To", call.callerId());
        query.put("Direction", "outbound-api");
        query.put("CustomField", call.customFieldOrEmpty());
        query.put("digits", "\"" + digits + "\"");
        int httpStatus = passthru(url, query);
        String answers = "ack " + SandboxHttp.statusText(httpStatus);
        if (httpStatus == 302) {
            httpStatus = passthru(url + (url.contains("?") ? "&" : "?") + "expect=2", query);
            answers += ", decline " + SandboxHttp.statusText(httpStatus);
        }
        int finalStatus = httpStatus;
        update(call.sid(), p -> p.withAck(new CallProgress.AckRequest(digits, finalStatus)));
        console.printf("[sandbox exotel] %s pressed %s -> %s%n", PhoneNumbers.mask(call.from()), digits, answers);
    }

    private int passthru(String url, Map<String, String> query) {
        return SandboxHttp.send(http, HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + FormEncoding.encode(query)))
                .GET().timeout(SandboxHttp.WEBHOOK_TIMEOUT).build());
    }

    private SandboxExotel.PlacedCall update(String sid, UnaryOperator<CallProgress> change) {
        return calls.computeIfPresent(sid, (key, call) -> call.with(change));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
