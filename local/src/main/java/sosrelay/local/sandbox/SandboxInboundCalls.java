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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import sosrelay.directory.PhoneNumbers;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/**
 * A front desk calling the emergency line: the sandbox makes the inbound call (a CallSid its call details know, inbound,
 * from the caller to our ExoPhone), records the voicemail as a private recording, and asks the stack's Passthru as
 * Exotel's incoming flow does, the caller waiting on the answer. {@code POST /sandbox/inbound-calls} with
 * {@code From}, optional {@code EmergencyType}, {@code digits}, and {@code Recording=none} for a caller who hung up.
 */
final class SandboxInboundCalls {
    static final String PATH = "/sandbox/inbound-calls";
    static final String DEFAULT_CALLER = "+919800000099";
    /** Exotel's {@code RecordingAvailableBy}: {@code Fri, 16 Jul 2021 15:47:25}, India time. */
    private static final DateTimeFormatter AVAILABLE_BY = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneId.of("Asia/Kolkata"));
    /** Exotel's caller waits on the Passthru for about 15 s. */
    private static final Duration PASSTHRU_TIMEOUT = Duration.ofSeconds(15);
    /** How long the caller stays on the line after the Passthru answered (the flow's goodbye). */
    private static final Duration HANGS_UP_AFTER = Duration.ofSeconds(3);

    /** An inbound call, as the call details API tells it; {@code endedAt} null while it is in progress. */
    record InboundCall(String sid, String from, String to, Instant at, String status, Instant endedAt) {
        /** Whether the call details API lists it yet: Exotel's details fill in only {@code lag} after a call ends. */
        boolean listed(Instant now, Duration lag) {
            return lag.isZero() || endedAt != null && !now.isBefore(endedAt.plus(lag));
        }

        Map<String, Object> details() {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("Sid", sid);
            details.put("AccountSid", SandboxExotel.ACCOUNT_SID);
            details.put("From", from);
            details.put("To", to);
            details.put("PhoneNumberSid", to);
            details.put("Status", status);
            details.put("DateCreated", SandboxHttp.exotelTime(at));
            details.put("StartTime", SandboxHttp.exotelTime(at));
            details.put("Direction", "inbound");
            details.put("Uri", "/v1/Accounts/" + SandboxExotel.ACCOUNT_SID + "/Calls/" + sid + ".json");
            return details;
        }
    }

    private final Map<String, InboundCall> calls = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final ScheduledExecutorService timeline;
    private final PrintStream console;
    private final SandboxRecordings recordings;
    private volatile String passthruUrl;
    private volatile String exoPhone;
    private volatile String voicemail;

    SandboxInboundCalls(HttpClient http, ScheduledExecutorService timeline, PrintStream console, SandboxRecordings recordings) {
        this.http = http;
        this.timeline = timeline;
        this.console = console;
        this.recordings = recordings;
    }

    /** Where the incoming flow's Passthru points, the ExoPhone callers dial, and the recording each caller leaves. */
    void receiveOn(String exoPhone, String passthruUrl, String voicemailRecording) {
        this.exoPhone = exoPhone;
        this.passthruUrl = passthruUrl;
        this.voicemail = voicemailRecording;
    }

    Optional<InboundCall> find(String sid) {
        return Optional.ofNullable(calls.get(sid));
    }

    void call(HttpExchange exchange, Map<String, String> request, String recordingBaseUrl) throws IOException {
        if (passthruUrl == null) {
            SandboxHttp.exotelError(exchange, 409, "no incoming flow: the sandbox has no Passthru URL to ask");
            return;
        }
        String from = PhoneNumbers.toE164(request.getOrDefault("From", DEFAULT_CALLER));
        if (from == null) {
            SandboxHttp.exotelError(exchange, 400, "From is not a phone number");
            return;
        }
        Instant now = Instant.now();
        InboundCall call = new InboundCall(UUID.randomUUID().toString().replace("-", ""), from, exoPhone, now, "in-progress", null);
        calls.put(call.sid(), call);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", call.sid());
        params.put("CallFrom", from);
        params.put("CallTo", exoPhone);
        params.put("Direction", "incoming");
        params.put("Created", SandboxHttp.exotelTime(now));
        params.put("StartTime", SandboxHttp.exotelTime(now));
        params.put("CurrentTime", SandboxHttp.exotelTime(now));
        if (!"none".equalsIgnoreCase(request.get("Recording")) && voicemail != null
                && recordings.copy(voicemail, call.sid() + ".mp3")) {
            params.put("RecordingUrl", recordingBaseUrl + call.sid() + ".mp3");
            params.put("RecordingAvailableBy", AVAILABLE_BY.format(now));
        }
        for (String passed : new String[] {"EmergencyType", "digits"}) {
            if (request.get(passed) != null) {
                params.put(passed, request.get(passed));
            }
        }
        String separator = passthruUrl.contains("?") ? "&" : "?";
        HttpRequest passthru = HttpRequest.newBuilder(URI.create(passthruUrl + separator + FormEncoding.encode(params)))
                .timeout(PASSTHRU_TIMEOUT).GET().build();
        int status;
        String body;
        try {
            HttpResponse<String> answer = http.send(passthru, HttpResponse.BodyHandlers.ofString());
            status = answer.statusCode();
            body = answer.body();
        } catch (IOException e) {
            status = 0;
            body = "no answer: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
            body = "interrupted";
        }
        console.printf("[sandbox exotel] inbound call from %s (call %s): Passthru answered %s %s%n", PhoneNumbers.mask(from),
                call.sid().substring(0, 8), SandboxHttp.statusText(status), body);
        timeline.schedule(() -> calls.computeIfPresent(call.sid(), (sid, c) -> new InboundCall(sid, c.from(), c.to(), c.at(), "completed", Instant.now())),
                HANGS_UP_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("CallSid", call.sid());
        reply.put("From", from);
        reply.put("To", exoPhone);
        reply.put("RecordingUrl", params.get("RecordingUrl"));
        reply.put("passthruStatus", status);
        reply.put("passthruBody", body);
        SandboxHttp.reply(exchange, 200, Json.write(reply));
    }
}
