package sosrelay.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sosrelay.directory.PhoneNumbers;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/**
 * A stand-in for Exotel's call and SMS APIs, so the demo and the end-to-end tests need no account.
 * It checks what real Exotel checks (Basic auth, the mandatory parameters), answers like Exotel, then
 * plays the part of the person picking up: it asks the Dynamic Greeting URL (HEAD, then GET, as
 * Exotel does) and shows on the console who was rung and what they heard, and who got which SMS.
 */
public final class SandboxExotel implements AutoCloseable {
    public static final String ACCOUNT_SID = "sandbox";
    public static final String API_KEY = "sandbox-key";
    public static final String API_TOKEN = "sandbox-token";
    private static final Pattern API = Pattern.compile("/v1/Accounts/([^/]+)/(Calls/connect|Sms/send)(\\.json)?");

    /** A call the sandbox accepted, and what the person heard when they picked up (null until then). */
    public record PlacedCall(String sid, String from, String callerId, String flowUrl, String customField,
                             String statusCallback, Map<String, String> form, Instant at, String heard) {
        PlacedCall withHeard(String text) {
            return new PlacedCall(sid, from, callerId, flowUrl, customField, statusCallback, form, at, text);
        }
    }

    /** An SMS the sandbox accepted; {@code form} has every field as sent (DltEntityId, DltTemplateId…). */
    public record SentSms(String sid, String from, String to, String body, Map<String, String> form, Instant at) {
    }

    private final HttpServer server;
    private final PrintStream console;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService pickUps = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sandbox-pickup");
        t.setDaemon(true);
        return t;
    });
    private final List<PlacedCall> calls = new CopyOnWriteArrayList<>();
    private final Duration pickUpAfter;
    private final SandboxSms sms;
    private volatile String greetingUrl;

    private SandboxExotel(HttpServer server, PrintStream console, Duration pickUpAfter) {
        this.server = server;
        this.console = console;
        this.pickUpAfter = pickUpAfter;
        this.sms = new SandboxSms(console);
    }

    public static SandboxExotel start(PrintStream console, Duration pickUpAfter) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SandboxExotel sandbox = new SandboxExotel(server, console, pickUpAfter);
        server.createContext("/", sandbox::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return sandbox;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where "the person who picked up" asks what to hear: the stack's Dynamic Greeting route. */
    public void answerCallsWith(String greetingUrl) {
        this.greetingUrl = greetingUrl;
    }

    public List<PlacedCall> calls() {
        return List.copyOf(calls);
    }

    public List<SentSms> smsMessages() {
        return sms.sent();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher api = API.matcher(exchange.getRequestURI().getPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !api.matches()) {
                SandboxHttp.exotelError(exchange, 404, "sandbox knows only Calls/connect and Sms/send");
                return;
            }
            if (!ACCOUNT_SID.equals(api.group(1)) || !SandboxHttp.hasBasicAuth(exchange, API_KEY, API_TOKEN)) {
                SandboxHttp.exotelError(exchange, 401, "Authentication is required to view this page.");
                return;
            }
            Map<String, String> form = SandboxHttp.body(exchange);
            if (api.group(2).equals("Sms/send")) {
                sms.send(exchange, form);
            } else {
                placeCall(exchange, form);
            }
        }
    }

    private void placeCall(HttpExchange exchange, Map<String, String> form) throws IOException {
        List<String> missing = SandboxHttp.missing(form, List.of("From", "CallerId", "Url"));
        if (!missing.isEmpty()) {
            SandboxHttp.exotelError(exchange, 400, "Missing parameter(s): " + missing);
            return;
        }
        PlacedCall call = new PlacedCall(UUID.randomUUID().toString().replace("-", ""), form.get("From"),
                form.get("CallerId"), form.get("Url"), form.get("CustomField"), form.get("StatusCallback"), form,
                Instant.now(), null);
        calls.add(call);
        console.printf("[sandbox exotel] ringing %s (call %s)%n", PhoneNumbers.mask(call.from()), call.sid().substring(0, 8));
        pickUps.schedule(() -> pickUp(call), pickUpAfter.toMillis(), TimeUnit.MILLISECONDS);
        SandboxHttp.reply(exchange, 200, Json.write(Map.of("Call", Map.of("Sid", call.sid(), "Status", "in-progress",
                "From", call.from(), "PhoneNumberSid", call.callerId(), "Direction", "outbound-api"))));
    }

    private void pickUp(PlacedCall call) {
        String url = greetingUrl;
        if (url == null) {
            return;
        }
        String query = FormEncoding.encode(Map.of("CallSid", call.sid(), "From", call.from(), "To", call.callerId(),
                "CustomField", call.customField() == null ? "" : call.customField()));
        try {
            URI uri = URI.create(url + "?" + query);
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            String contentType = get.headers().firstValue("Content-Type").orElse("");
            String heard = get.statusCode() == 200 && "text/plain".equals(contentType)
                    && contentType.equals(head.headers().firstValue("Content-Type").orElse(null))
                    ? get.body().strip()
                    : "(Exotel would refuse this greeting: " + get.statusCode() + " " + contentType + ")";
            calls.replaceAll(c -> c.sid().equals(call.sid()) ? c.withHeard(heard) : c);
            console.printf("[sandbox exotel] %s picked up and hears: %s%n", PhoneNumbers.mask(call.from()), heard);
        } catch (IOException | IllegalArgumentException e) {
            console.printf("[sandbox exotel] %s picked up but the greeting failed: %s%n", PhoneNumbers.mask(call.from()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        pickUps.shutdownNow();
        server.stop(0);
    }
}
