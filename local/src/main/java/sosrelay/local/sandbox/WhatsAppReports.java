package sosrelay.local.sandbox;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import sosrelay.directory.PhoneNumbers;
import sosrelay.json.Json;

/**
 * What the sandbox GupShup posts to the URLs an account configures in GupShup's console: after each accepted
 * message its delivery reports ({@code SENT}, {@code DELIVERED}, {@code READ}; or {@code SENT}, {@code FAILED}
 * for a number scripted to fail), one JSON array each, as GupShup's real-time reports come; and a person's
 * WhatsApp message, as GupShup's documented inbound event ({@code type: message}, a text payload).
 */
final class WhatsAppReports {
    /** WhatsApp's own error for a message it could not deliver (an unregistered or unreachable number). */
    static final String UNDELIVERABLE_CODE = "131026";
    private static final long STEP_MILLIS = 150;

    private final PrintStream console;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Map<String, SandboxGupShup.Fate> fates = new ConcurrentHashMap<>();
    private volatile String deliveryUrl;
    private volatile String inboundUrl;

    WhatsAppReports(PrintStream console, HttpClient http, ScheduledExecutorService scheduler) {
        this.console = console;
        this.http = http;
        this.scheduler = scheduler;
    }

    void deliveryReportsTo(String url) {
        this.deliveryUrl = url;
    }

    void inboundMessagesTo(String url) {
        this.inboundUrl = url;
    }

    /** {@code number}: as GupShup writes it (919800000001). */
    void script(String number, SandboxGupShup.Fate fate) {
        fates.put(number, fate);
    }

    /** Reports on an accepted message, in order, a step apart; nothing when no URL is configured. */
    void accepted(String externalId, String number) {
        String url = deliveryUrl;
        if (url == null) {
            return;
        }
        SandboxGupShup.Fate fate = fates.getOrDefault(number, SandboxGupShup.Fate.READ);
        List<String> events = switch (fate) {
            case READ -> List.of("SENT", "DELIVERED", "READ");
            case DELIVERED -> List.of("SENT", "DELIVERED");
            case FAILED -> List.of("SENT", "FAILED");
        };
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i);
            scheduler.schedule(() -> report(url, externalId, number, event), STEP_MILLIS * (i + 1), TimeUnit.MILLISECONDS);
        }
    }

    /** A person's WhatsApp message to the account's number; the HTTP status our webhook answered (0: none, or no URL). */
    int reply(String number, String text) {
        String url = inboundUrl;
        if (url == null) {
            return 0;
        }
        Map<String, Object> event = Map.of("app", "SOSRelaySandbox", "timestamp", System.currentTimeMillis(), "version", 2,
                "type", "message", "payload", Map.of("id", "sandbox-" + System.nanoTime(), "source", number, "type", "text",
                        "payload", Map.of("text", text), "sender", Map.of("phone", number, "name", "", "country_code", "91")));
        int status = post(url, Json.write(event));
        console.printf("[sandbox gupshup] WhatsApp from %s: %s (inbound webhook answered %s)%n", PhoneNumbers.mask("+" + number), text,
                SandboxHttp.statusText(status));
        return status;
    }

    private void report(String url, String externalId, String number, String event) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("externalId", externalId);
        report.put("eventType", event);
        report.put("eventTs", System.currentTimeMillis());
        report.put("destAddr", number);
        report.put("srcAddr", "918047000000");
        report.put("cause", "FAILED".equals(event) ? "Message undeliverable" : "SUCCESS");
        report.put("errCode", "FAILED".equals(event) ? UNDELIVERABLE_CODE : "000");
        report.put("channel", "WHATSAPP");
        int status = post(url, Json.write(List.of(report)));
        if ("FAILED".equals(event) || status != 200) {
            console.printf("[sandbox gupshup] delivery report %s for %s: webhook answered %s%n", event, PhoneNumbers.mask("+" + number),
                    SandboxHttp.statusText(status));
        }
    }

    private int post(String url, String json) {
        return SandboxHttp.send(http, HttpRequest.newBuilder(URI.create(url)).timeout(SandboxHttp.WEBHOOK_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }
}
