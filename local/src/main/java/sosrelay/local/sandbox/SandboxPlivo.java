package sosrelay.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import sosrelay.directory.PhoneNumbers;
import sosrelay.json.Json;
import sosrelay.plivo.PlivoSignature;
import sosrelay.web.FormEncoding;

/**
 * A stand-in for Plivo's Call API, as strict as the real one: Basic auth; a JSON body only; {@code from} one of the
 * account's numbers and {@code to} digits with the country code, no {@code +}; {@code 201 "call fired"} with a
 * {@code request_uuid}. Calls leave its queue at 2 a second, as Plivo's default limit queues them; more than 50 live at
 * once fail (Plivo's 5030). Each call follows the number's script ({@link CallOutcome}, as the sandbox Exotel's): a call
 * picked up asks {@code answer_url}, whose XML must parse and be Plivo's ({@code <Response>}; inside {@code <GetInput>}
 * only {@code <Speak>} and {@code <Play>}; {@code en-IN} and {@code hi-IN} only in a Polly voice), then posts the key
 * pressed to the GetInput's action; every call ends with {@code hangup_url}. Every callback is signed
 * ({@code X-Plivo-Signature-V3}). Look-ups: live calls and call records by {@code to_number}, a queued call by request_uuid,
 * a live call by call_uuid (with its request_uuid).
 * {@code SOS_SANDBOX_OUTAGE=plivo@…} answers 503 to every API request meanwhile.
 */
public final class SandboxPlivo implements AutoCloseable {
    public static final String AUTH_ID = "MASANDBOX000000000001";
    public static final String AUTH_TOKEN = "sandbox-plivo-token";
    /** The one number the sandbox account rents: the only {@code from} it accepts. */
    public static final String CALLER_ID = "918047100000";
    static final int CALLS_PER_SECOND = 2;
    static final int MAX_LIVE = 50;
    private static final Duration RINGS_FOR = Duration.ofSeconds(1);
    private static final Pattern CALLS = Pattern.compile("/v1/Account/([^/]+)/Call/(?:([^/]+)/)?");
    private static final Set<String> SPEAKABLE = Set.of("Speak", "Play");

    /** A call Plivo fired: its ids, what it was fired with, and how it went. */
    public record PlacedCall(String requestUuid, String callUuid, String to, Map<String, Object> request, Instant firedAt,
                             List<String> heard, List<String> problems, List<String> states) {
        public String status() {
            return states.isEmpty() ? "queued" : states.get(states.size() - 1);
        }
    }

    private final HttpServer server;
    private final PrintStream console;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(SandboxHttp.WEBHOOK_TIMEOUT).build();
    private final ScheduledExecutorService timeline = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "sandbox-plivo-call");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<PlacedCall> queued = new ConcurrentLinkedQueue<>();
    private final List<PlacedCall> calls = new CopyOnWriteArrayList<>();
    private final CallScript script = new CallScript();
    private volatile SandboxOutage outage = new SandboxOutage();

    private SandboxPlivo(HttpServer server, PrintStream console) {
        this.server = server;
        this.console = console;
    }

    public static SandboxPlivo start(PrintStream console) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SandboxPlivo sandbox = new SandboxPlivo(server, console);
        server.createContext("/", sandbox::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        // Plivo's queue: calls leave it at CALLS_PER_SECOND, however many were fired at once.
        sandbox.timeline.scheduleAtFixedRate(sandbox::dequeue, 0, 1000 / CALLS_PER_SECOND, TimeUnit.MILLISECONDS);
        return sandbox;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void followOutage(SandboxOutage outage) {
        this.outage = outage;
    }

    public void scriptAll(Map<String, List<CallOutcome>> scripts) {
        scripts.forEach(script::script);
    }

    public void script(String e164, List<String> outcomes) {
        script.script(e164, outcomes.stream().map(CallOutcome::parse).toList());
    }

    /** Every call fired, in order, as it stands now. */
    public List<PlacedCall> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher m = CALLS.matcher(exchange.getRequestURI().getPath());
            if (!m.matches()) {
                error(exchange, 404, "not found");
                return;
            }
            if (outage.isDown(SandboxOutage.Provider.PLIVO, Instant.now())) {
                console.println("[sandbox plivo] outage: " + exchange.getRequestMethod() + " Call answered 503");
                error(exchange, 503, "service unavailable");
                return;
            }
            if (!m.group(1).equals(AUTH_ID) || !SandboxHttp.hasBasicAuth(exchange, AUTH_ID, AUTH_TOKEN)) {
                error(exchange, 401, "Authentication credentials invalid");
                return;
            }
            if ("POST".equals(exchange.getRequestMethod()) && m.group(2) == null) {
                fire(exchange);
            } else if ("GET".equals(exchange.getRequestMethod())) {
                lookUp(exchange, m.group(2), SandboxHttp.form(exchange.getRequestURI().getRawQuery() == null ? ""
                        : exchange.getRequestURI().getRawQuery()));
            } else {
                error(exchange, 405, "method not allowed");
            }
        }
    }

    private void fire(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            error(exchange, 400, "only application/json bodies are accepted");
            return;
        }
        Map<String, Object> body;
        try {
            body = Json.readObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            error(exchange, 400, "the body is not JSON");
            return;
        }
        for (String required : List.of("from", "to", "answer_url")) {
            if (!(body.get(required) instanceof String value) || value.isBlank()) {
                error(exchange, 400, required + " is required");
                return;
            }
        }
        String from = (String) body.get("from");
        String to = (String) body.get("to");
        if (!from.equals(CALLER_ID)) {
            error(exchange, 400, "from parameter is invalid. " + from + " is not associated with your account.");
            return;
        }
        if (!to.matches("[1-9][0-9]{9,14}") || script.playsNext("+" + to, CallOutcome.INVALID_NUMBER)) {
            console.println("[sandbox plivo] refused " + PhoneNumbers.mask("+" + to) + ": not a valid phone number");
            error(exchange, 400, "'" + to + "' is not a valid phone number.");
            return;
        }
        PlacedCall call = new PlacedCall(UUID.randomUUID().toString(), UUID.randomUUID().toString(), to, body, Instant.now(),
                new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        calls.add(call);
        queued.add(call);
        reply(exchange, 201, Map.of("api_id", UUID.randomUUID().toString(), "message", "call fired", "request_uuid", call.requestUuid()));
    }

    private void dequeue() {
        PlacedCall call = queued.poll();
        if (call != null) {
            timeline.execute(() -> play(call));
        }
    }

    /** The person rung does what their number's script says; the callbacks follow, signed. */
    private void play(PlacedCall call) {
        String masked = PhoneNumbers.mask("+" + call.to());
        long live = calls.stream().filter(c -> c.status().equals("ringing") || c.status().equals("in-progress")).count();
        if (live >= MAX_LIVE) {
            call.states().add("failed");
            console.println("[sandbox plivo] " + masked + ": 5030 Concurrency Limit Breached");
            hangup(call, "failed", "5030 Concurrency Limit Breached");
            return;
        }
        call.states().add("ringing");
        CallOutcome outcome = script.next("+" + call.to());
        console.println("[sandbox plivo] ringing " + masked + " (request " + call.requestUuid().substring(0, 8) + ")");
        // A phone rings a while before anyone picks up (a busy or unreachable line ends at once), as on Plivo.
        timeline.schedule(() -> ring(call, outcome, masked), outcome.endsAtOnce() ? 0 : RINGS_FOR.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void ring(PlacedCall call, CallOutcome outcome, String masked) {
        if (!outcome.picksUp()) {
            call.states().add(outcome.finalStatus());
            console.println("[sandbox plivo] " + masked + " " + outcome.missed());
            if (outcome.postsCallback()) {
                hangup(call, outcome.finalStatus(), outcome == CallOutcome.BUSY ? "USER_BUSY" : "NO_ANSWER");
            }
            return;
        }
        call.states().add("in-progress");
        Map<String, String> fields = fields(call, "in-progress");
        fields.put("Event", "StartApp");
        HttpResponse<String> answer = post(String.valueOf(call.request().get("answer_url")), fields);
        Element getInput = answer == null ? null : readXml(call, answer);
        if (getInput != null && outcome.digits() != null) {
            Map<String, String> input = fields(call, "in-progress");
            input.put("Digits", outcome.digits());
            input.put("InputType", "dtmf");
            HttpResponse<String> after = post(getInput.getAttribute("action"), input);
            console.println("[sandbox plivo] " + masked + " pressed " + outcome.digits() + " and hears: "
                    + (after == null ? "nothing (no answer)" : String.join(" ", spoken(after.body()))));
        }
        call.states().add("completed");
        hangup(call, "completed", "NORMAL_CLEARING");
    }

    /** The answer URL's XML, checked as Plivo checks it; its GetInput, or null (a problem is kept and printed: Plivo's 8011). */
    private Element readXml(PlacedCall call, HttpResponse<String> answer) {
        String masked = PhoneNumbers.mask("+" + call.to());
        try {
            if (answer.statusCode() != 200 || answer.body().length() > 100_000) {
                throw new IllegalArgumentException("answer_url answered " + answer.statusCode() + " with " + answer.body().length() + " characters");
            }
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            if (!root.getTagName().equals("Response")) {
                throw new IllegalArgumentException("the root is <" + root.getTagName() + ">, not <Response>");
            }
            Element getInput = null;
            for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element) {
                    check(element);
                    if (SPEAKABLE.contains(element.getTagName())) {
                        // Outside a GetInput it is heard too, with no key to press after it (the generic alert).
                        call.heard().add(element.getTagName().equals("Play") ? "(plays " + element.getTextContent() + ")" : element.getTextContent());
                    } else if (element.getTagName().equals("GetInput")) {
                        getInput = getInput == null ? element : getInput;
                        for (Node inner = element.getFirstChild(); inner != null; inner = inner.getNextSibling()) {
                            if (inner instanceof Element nested) {
                                if (!SPEAKABLE.contains(nested.getTagName())) {
                                    throw new IllegalArgumentException("<" + nested.getTagName() + "> cannot nest inside <GetInput>");
                                }
                                check(nested);
                                call.heard().add(nested.getTagName().equals("Play") ? "(plays " + nested.getTextContent() + ")" : nested.getTextContent());
                            }
                        }
                        if (element.getAttribute("action").isBlank()) {
                            throw new IllegalArgumentException("<GetInput> without an action");
                        }
                    }
                }
            }
            console.println("[sandbox plivo] " + masked + " picked up and hears: " + String.join(" ", call.heard()));
            return getInput;
        } catch (Exception e) {
            call.problems().add("8011 invalid XML: " + e.getMessage());
            console.println("[sandbox plivo] " + masked + ": 8011 invalid answer XML: " + e.getMessage());
            return null;
        }
    }

    private static void check(Element element) {
        if (element.getTagName().equals("Speak")) {
            String language = element.getAttribute("language");
            if ((language.equals("en-IN") || language.equals("hi-IN")) && !element.getAttribute("voice").startsWith("Polly.")) {
                throw new IllegalArgumentException("voice '" + element.getAttribute("voice") + "' has no " + language);
            }
        } else if (element.getTagName().equals("Play") && !element.getTextContent().trim().matches("https?://.+")) {
            throw new IllegalArgumentException("<Play> needs a URL");
        }
    }

    private static List<String> spoken(String xml) {
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile("<Speak[^>]*>([^<]*)</Speak>").matcher(xml == null ? "" : xml);
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    private void hangup(PlacedCall call, String status, String cause) {
        Object url = call.request().get("hangup_url");
        if (url == null) {
            return;
        }
        Map<String, String> fields = fields(call, status);
        fields.put("Event", "Hangup");
        fields.put("HangupCause", cause);
        fields.put("Duration", "completed".equals(status) ? "20" : "0");
        fields.put("BillDuration", fields.get("Duration"));
        post(String.valueOf(url), fields);
    }

    private Map<String, String> fields(PlacedCall call, String status) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("CallUUID", call.callUuid());
        fields.put("RequestUUID", call.requestUuid());
        fields.put("From", CALLER_ID);
        fields.put("To", call.to());
        fields.put("Direction", "outbound");
        fields.put("CallStatus", status);
        return fields;
    }

    /** A signed form POST to one of our webhooks, as Plivo makes them; null when no answer came. */
    private HttpResponse<String> post(String url, Map<String, String> form) {
        URI uri = URI.create(url);
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        Map<String, String> query = uri.getRawQuery() == null ? Map.of() : SandboxHttp.form(uri.getRawQuery());
        String nonce = Long.toString(System.nanoTime());
        String signature = PlivoSignature.sign("POST", base, query, form, nonce, AUTH_TOKEN);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(SandboxHttp.WEBHOOK_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Plivo-Signature-V3", signature)
                .header("X-Plivo-Signature-V3-Nonce", nonce).POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form))).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void lookUp(HttpExchange exchange, String id, Map<String, String> query) throws IOException {
        if (id == null) {
            String to = query.get("to_number");
            if ("live".equals(query.get("status"))) {
                reply(exchange, 200, Map.of("api_id", UUID.randomUUID().toString(), "calls", calls.stream()
                        .filter(c -> (to == null || c.to().equals(to)) && live(c))
                        .map(PlacedCall::callUuid).toList()));
                return;
            }
            reply(exchange, 200, Map.of("api_id", UUID.randomUUID().toString(), "meta", Map.of(), "objects", calls.stream()
                    .filter(c -> (to == null || c.to().equals(to)) && ended(c)).map(SandboxPlivo::record).toList()));
            return;
        }
        if ("live".equals(query.get("status"))) {
            // A live call's details carry its request_uuid, as Plivo's do: the one way to tie a call under way to our request.
            PlacedCall call = calls.stream().filter(c -> c.callUuid().equals(id) && live(c)).findFirst().orElse(null);
            if (call == null) {
                error(exchange, 404, "not found");
            } else {
                reply(exchange, 200, Map.of("api_id", UUID.randomUUID().toString(), "call_uuid", call.callUuid(),
                        "request_uuid", call.requestUuid(), "call_status", call.status(), "direction", "outbound",
                        "from", CALLER_ID, "to", call.to()));
            }
            return;
        }
        if ("queued".equals(query.get("status"))) {
            PlacedCall call = queued.stream().filter(c -> c.requestUuid().equals(id)).findFirst().orElse(null);
            if (call == null) {
                error(exchange, 404, "not found");
            } else {
                reply(exchange, 200, Map.of("api_id", UUID.randomUUID().toString(), "call_status", "queued", "request_uuid", id));
            }
            return;
        }
        PlacedCall call = calls.stream().filter(c -> c.callUuid().equals(id) && ended(c)).findFirst().orElse(null);
        if (call == null) {
            error(exchange, 404, "not found");
        } else {
            Map<String, Object> record = new LinkedHashMap<>(record(call));
            record.put("api_id", UUID.randomUUID().toString());
            reply(exchange, 200, record);
        }
    }

    private static boolean live(PlacedCall call) {
        return call.status().equals("ringing") || call.status().equals("in-progress");
    }

    private static boolean ended(PlacedCall call) {
        return Set.of("completed", "no-answer", "busy", "failed").contains(call.status());
    }

    private static Map<String, Object> record(PlacedCall call) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("call_uuid", call.callUuid());
        record.put("to_number", call.to());
        record.put("from_number", CALLER_ID);
        record.put("call_direction", "outbound");
        record.put("answer_time", call.states().contains("in-progress") ? call.firedAt().toString() : null);
        record.put("end_time", Instant.now().toString());
        return record;
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        reply(exchange, status, Map.of("api_id", UUID.randomUUID().toString(), "error", message));
    }

    private static void reply(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        SandboxHttp.reply(exchange, status, Json.write(body));
    }

    @Override
    public void close() {
        server.stop(0);
        timeline.shutdownNow();
    }
}
