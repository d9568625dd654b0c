package sosrelay.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import sosrelay.directory.PhoneNumbers;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/**
 * The sandbox Exotel's SMS API: refuses what Exotel refuses (no DLT fields), keeps what it accepts, and
 * then, as DLT scrubbing does, posts a status callback: {@code sent}, or {@code failed} with the reason
 * in {@code DetailedStatus} when the body breaks the registered template or carries a URL not whitelisted.
 */
final class SandboxSms {
    /** What Exotel insists on for an SMS to an Indian number. */
    private static final List<String> REQUIRED = List.of("From", "To", "Body", "DltEntityId", "DltTemplateId");

    private final PrintStream console;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final List<SandboxExotel.SentSms> sent = new CopyOnWriteArrayList<>();
    private final Map<String, DltScrubber> dlt = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> urlWhitelist = new CopyOnWriteArrayList<>();

    SandboxSms(PrintStream console, HttpClient http, ScheduledExecutorService scheduler) {
        this.console = console;
        this.http = http;
        this.scheduler = scheduler;
    }

    /** A template registered with DLT; once any is, an SMS naming an unregistered template id fails too. */
    void registerTemplate(String templateId, String registeredText) {
        dlt.put(templateId, new DltScrubber(registeredText));
    }

    /** A URL prefix DLT lets through in this sender's SMS; a URL under none of them fails, registered template or not. */
    void whitelistUrls(String urlPrefix) {
        urlWhitelist.add(urlPrefix);
    }

    List<SandboxExotel.SentSms> sent() {
        return List.copyOf(sent);
    }

    void send(HttpExchange exchange, Map<String, String> form) throws IOException {
        List<String> missing = SandboxHttp.missing(form, REQUIRED);
        if (!missing.isEmpty()) {
            SandboxHttp.exotelError(exchange, 400, "Missing parameter(s): " + missing);
            return;
        }
        SandboxExotel.SentSms sms = new SandboxExotel.SentSms(UUID.randomUUID().toString().replace("-", ""), form.get("From"),
                form.get("To"), form.get("Body"), form, Instant.now());
        sent.add(sms);
        console.printf("[sandbox exotel] SMS to %s: %s%n", PhoneNumbers.mask(sms.to()), sms.body());
        SandboxHttp.reply(exchange, 200, Json.write(Map.of("SMSMessage", Map.of("Sid", sms.sid(), "Status", "queued",
                "From", sms.from(), "To", sms.to(), "DetailedStatus", "PENDING_TO_OPERATOR"))));
        String callback = form.get("StatusCallback");
        if (callback != null && !callback.isBlank()) {
            scheduler.schedule(() -> report(sms, callback), 100, TimeUnit.MILLISECONDS);
        }
    }

    private void report(SandboxExotel.SentSms sms, String callback) {
        String templateId = sms.form().get("DltTemplateId");
        DltScrubber scrubber = dlt.get(templateId);
        String refusal = dlt.isEmpty() ? null
                : scrubber == null ? "DLT template " + templateId + " is not registered for this sender" : scrubber.refusal(sms.body());
        if (refusal == null) {
            refusal = DltScrubber.urlRefusal(sms.body(), urlWhitelist);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("SmsSid", sms.sid());
        fields.put("To", sms.to());
        fields.put("Status", refusal == null ? "sent" : "failed");
        fields.put("DetailedStatus", refusal == null ? "DELIVERED_TO_HANDSET" : refusal);
        fields.put("DateSent", SandboxHttp.exotelTime(Instant.now()));
        if (sms.form().get("CustomField") != null) {
            fields.put("CustomField", sms.form().get("CustomField"));
        }
        if (refusal != null) {
            console.printf("[sandbox exotel] SMS to %s failed DLT scrubbing: %s%n", PhoneNumbers.mask(sms.to()), refusal);
        }
        SandboxHttp.send(http, HttpRequest.newBuilder(URI.create(callback)).timeout(SandboxHttp.WEBHOOK_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(fields))).build());
    }
}
