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
 * access log on the way.
 */
public final class SandboxGupShup implements AutoCloseable {
    public static final String USER_ID = "sandbox-user";
    public static final String PASSWORD = "sandbox-gupshup-password";
    private static final String PATH = "/GatewayAPI/rest";

    /** A message the sandbox accepted; {@code sendTo} is as GupShup takes it (919800000001). */
    public record SentWhatsApp(String id, String sendTo, String msg, Map<String, String> form, Instant at) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final PrintStream console;
    private final List<SentWhatsApp> sent = new CopyOnWriteArrayList<>();
    private final List<String> requestUrls = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> optedIn = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private volatile SandboxOutage outage = new SandboxOutage();

    private SandboxGupShup(HttpServer server, ExecutorService threads, PrintStream console) {
        this.server = server;
        this.threads = threads;
        this.console = console;
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
            if (!"POST".equals(exchange.getRequestMethod()) || !PATH.equals(exchange.getRequestURI().getPath())) {
                SandboxHttp.reply(exchange, 404, "{\"response\":{\"status\":\"error\",\"details\":\"sandbox knows only POST " + PATH + "\"}}");
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
            SentWhatsApp message = new SentWhatsApp(UUID.randomUUID().toString(), form.get("send_to"), form.get("msg"), form, Instant.now());
            sent.add(message);
            console.printf("[sandbox gupshup] WhatsApp to %s: %s%n", PhoneNumbers.mask("+" + message.sendTo()), message.msg());
            SandboxHttp.reply(exchange, 200, Json.write(Map.of("response", Map.of("id", message.id(), "phone", message.sendTo(),
                    "details", "", "status", "success"))));
        }
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
        server.stop(0);
        threads.shutdownNow();
    }
}
