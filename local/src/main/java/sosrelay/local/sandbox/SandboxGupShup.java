package sosrelay.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import sosrelay.directory.PhoneNumbers;
import sosrelay.json.Json;

/**
 * A stand-in for GupShup's enterprise WhatsApp API. Like GupShup it answers 200 with a status and a
 * numeric error id in the body, sends template messages only to numbers opted in first
 * ({@code method=OPT_IN}; others get error 1006), and reads the credentials from the POST body only:
 * a password in the query string is refused and shouted about, because that URL would sit in every
 * access log on the way. Like an account whose console has both webhooks set, it reports on every
 * message it accepted and passes on what people write back ({@link WhatsAppReports}); a person's
 * reply is played with {@code POST /sandbox/whatsapp/replies} ({@code from}, {@code text}), and
 * {@code PUT /sandbox/whatsapp/numbers/{number}} ({@code read}, {@code delivered} or {@code failed})
 * scripts what becomes of a number's messages.
 */
public final class SandboxGupShup implements AutoCloseable {
    public static final String USER_ID = "sandbox-user";
    public static final String PASSWORD = "sandbox-gupshup-password";
    private static final String PATH = "/GatewayAPI/rest";
    private static final String REPLIES = "/sandbox/whatsapp/replies";
    private static final String NUMBERS = "/sandbox/whatsapp/numbers/";
    private static final java.security.SecureRandom IDS = new java.security.SecureRandom();

    /** What becomes of a number's messages: the last delivery report GupShup sends of each. */
    public enum Fate { READ, DELIVERED, FAILED }

    /** A message the sandbox accepted; {@code sendTo} is as GupShup takes it (919800000001). */
    public record SentWhatsApp(String id, String sendTo, String msg, Map<String, String> form, Instant at) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final PrintStream console;
    private final List<SentWhatsApp> sent = new CopyOnWriteArrayList<>();
    private final List<String> requestUrls = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> optedIn = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService reportTimeline = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sandbox-gupshup-reports");
        thread.setDaemon(true);
        return thread;
    });
    private final WhatsAppReports reports;

    private volatile SandboxOutage outage = new SandboxOutage();

    private SandboxGupShup(HttpServer server, ExecutorService threads, PrintStream console) {
        this.server = server;
        this.threads = threads;
        this.console = console;
        this.reports = new WhatsAppReports(console, java.net.http.HttpClient.newBuilder().connectTimeout(SandboxHttp.WEBHOOK_TIMEOUT).build(),
                reportTimeline);
    }

    public static SandboxGupShup start(PrintStream console) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SandboxGupShup sandbox = new SandboxGupShup(server, Executors.newFixedThreadPool(4), console);
        server.createContext("/", sandbox::handle);
        server.setExecutor(sandbox.threads);
        server.start();
        return sandbox;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<SentWhatsApp> messages() {
        return List.copyOf(sent);
    }

    /** GupShup's API goes down when {@code outage} says so (see {@link SandboxOutage}). */
    public void followOutage(SandboxOutage outage) {
        this.outage = outage;
    }

    /** The numbers opted in so far, as GupShup takes them (919800000001). */
    public java.util.Set<String> optedIn() {
        return java.util.Set.copyOf(optedIn);
    }

    /** The account's real-time delivery report URL, as set in GupShup's console. */
    public void deliveryReportsTo(String url) {
        reports.deliveryReportsTo(url);
    }

    /** The account's inbound (two-way) message URL, as set in GupShup's console. */
    public void inboundMessagesTo(String url) {
        reports.inboundMessagesTo(url);
    }

    /** What becomes of the messages to {@code e164} from now on. */
    public void script(String e164, Fate fate) {
        reports.script(e164.startsWith("+") ? e164.substring(1) : e164, fate);
    }

    /** The person on {@code e164} writes {@code text} on WhatsApp; the HTTP status the inbound webhook answered (0: none). */
    public int reply(String e164, String text) {
        return reports.reply(e164.startsWith("+") ? e164.substring(1) : e164, text);
    }

    /** Every URL (path and query) asked of the sandbox, accepted or not: where a leaked credential would show. */
    public List<String> requestUrls() {
        return List.copyOf(requestUrls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requestUrls.add(exchange.getRequestURI().toString());
            Map<String, String> query = SandboxHttp.form(exchange.getRequestURI().getRawQuery());
            if (query.containsKey("password")) {
                console.println("[sandbox gupshup] !!! WARNING: a password arrived in the URL; it belongs in the POST body !!!");
                error(exchange, "102", "password in URL");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if ("POST".equals(exchange.getRequestMethod()) && REPLIES.equals(path)) {
                replyOverHttp(exchange, SandboxHttp.body(exchange));
                return;
            }
            if ("PUT".equals(exchange.getRequestMethod()) && path.startsWith(NUMBERS)) {
                scriptOverHttp(exchange, path.substring(NUMBERS.length()));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(path)) {
                SandboxHttp.reply(exchange, 404, "{\"response\":{\"status\":\"error\",\"details\":\"sandbox knows only POST " + PATH
                        + ", POST " + REPLIES + " and PUT " + NUMBERS + "{number}\"}}");
                return;
            }
            if (outage.isDown(SandboxOutage.Provider.GUPSHUP, Instant.now())) {
                console.println("[sandbox gupshup] outage: request answered 503");
                SandboxHttp.reply(exchange, 503, "Service Unavailable");
                return;
            }
            Map<String, String> form = SandboxHttp.body(exchange);
            if (!USER_ID.equals(form.get("userid")) || !PASSWORD.equals(form.get("password"))) {
                error(exchange, "102", "Authentication failed due to invalid userId or password.");
                return;
            }
            if ("OPT_IN".equals(form.get("method"))) {
                optIn(exchange, form);
                return;
            }
            List<String> missing = SandboxHttp.missing(form, List.of("method", "send_to", "msg", "msg_type"));
            if (!missing.isEmpty()) {
                error(exchange, "101", "Missing parameter(s): " + missing);
                return;
            }
            if (!optedIn.contains(form.get("send_to"))) {
                console.printf("[sandbox gupshup] refused WhatsApp to %s: never opted in%n", PhoneNumbers.mask("+" + form.get("send_to")));
                error(exchange, "1006", "Template Opt-in Failure");
                return;
            }
            SentWhatsApp message = new SentWhatsApp(messageId(), form.get("send_to"), form.get("msg"), form, Instant.now());
            sent.add(message);
            console.printf("[sandbox gupshup] WhatsApp to %s: %s%n", PhoneNumbers.mask("+" + message.sendTo()), message.msg());
            SandboxHttp.reply(exchange, 200, Json.write(Map.of("response", Map.of("id", message.id(), "phone", message.sendTo(),
                    "details", "", "status", "success"))));
            reports.accepted(message.id(), message.sendTo());
        }
    }

    /** GupShup's message ids: two numbers joined by a dash, as its reports' {@code externalId} repeats them. */
    private static String messageId() {
        return Long.toUnsignedString(IDS.nextLong()) + "-" + Long.toUnsignedString(IDS.nextLong() >>> 1);
    }

    /** {@code POST /sandbox/whatsapp/replies} with {@code from=+919800000001&text=482913}. */
    private void replyOverHttp(HttpExchange exchange, Map<String, String> form) throws IOException {
        String from = PhoneNumbers.toE164(form.get("from"));
        if (from == null || form.get("text") == null) {
            SandboxHttp.reply(exchange, 400, Json.write(Map.of("error", "from (a phone number) and text are required")));
            return;
        }
        int status = reply(from, form.get("text"));
        SandboxHttp.reply(exchange, 200, Json.write(Map.of("from", from, "webhookStatus", status)));
    }

    /** {@code PUT /sandbox/whatsapp/numbers/+919800000001} with {@code failed} (or {@code read}, {@code delivered}) as the body. */
    private void scriptOverHttp(HttpExchange exchange, String number) throws IOException {
        String e164 = PhoneNumbers.toE164(java.net.URLDecoder.decode(number, java.nio.charset.StandardCharsets.UTF_8));
        String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        Fate fate;
        try {
            fate = Fate.valueOf(body.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            fate = null;
        }
        if (e164 == null || fate == null) {
            SandboxHttp.reply(exchange, 400, Json.write(Map.of("error", "a phone number in the path, and read, delivered or failed as the body")));
            return;
        }
        script(e164, fate);
        console.printf("[sandbox gupshup] WhatsApp to %s scripted: %s%n", PhoneNumbers.mask(e164), fate.name().toLowerCase(java.util.Locale.ROOT));
        SandboxHttp.reply(exchange, 200, Json.write(Map.of("number", e164, "fate", fate.name().toLowerCase(java.util.Locale.ROOT))));
    }

    private void optIn(HttpExchange exchange, Map<String, String> form) throws IOException {
        String number = form.get("phone_number");
        if (number == null || !number.matches("[1-9][0-9]{7,14}") || !"WHATSAPP".equals(form.get("channel"))) {
            error(exchange, "105", "OPT_IN needs phone_number (country code and number, digits only) and channel=WHATSAPP");
            return;
        }
        optedIn.add(number);
        console.printf("[sandbox gupshup] %s opted in to WhatsApp%n", PhoneNumbers.mask("+" + number));
        SandboxHttp.reply(exchange, 200, Json.write(Map.of("response", Map.of("id", UUID.randomUUID().toString(), "phone", number,
                "details", "", "status", "success"))));
    }

    /** GupShup's way: HTTP 200, the failure in the body. */
    private static void error(HttpExchange exchange, String id, String details) throws IOException {
        SandboxHttp.reply(exchange, 200, Json.write(Map.of("response", Map.of("id", id, "phone", "", "details", details,
                "status", "error"))));
    }

    @Override
    public void close() {
        reportTimeline.shutdownNow();
        server.stop(0);
        threads.shutdownNow();
    }
}
