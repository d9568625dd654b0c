package sosrelay.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sosrelay.directory.PhoneNumbers;
import sosrelay.json.Json;

/**
 * A stand-in for Exotel's call and SMS APIs, so the demo and the end-to-end tests need no account.
 * It checks what real Exotel checks (Basic auth, the mandatory parameters), answers like Exotel, then
 * plays the person rung: by default they pick up, hear the Dynamic Greeting (HEAD, then GET, as
 * Exotel asks it) and hang up, and the call's status callback follows. A per-number script makes
 * them press 1 (or 2), not answer, be busy (ending within a second, as real busy lines do), reach
 * voicemail, or lose the callback, so the server's handling of each can be tried; {@code PUT /sandbox/numbers/{number}} scripts a number over HTTP.
 * {@code POST /sandbox/inbound-calls} is a front desk calling the emergency line ({@link SandboxInboundCalls}).
 * Its recordings are private, as Exotel's are: Basic auth or 401.
 */
public final class SandboxExotel implements AutoCloseable {
    public static final String ACCOUNT_SID = "sandbox";
    public static final String API_KEY = "sandbox-key";
    public static final String API_TOKEN = "sandbox-token";
    /** Group 2: the API; group 3: the CallSid when it is the call details API. */
    private static final Pattern API = Pattern.compile("/v1/Accounts/([^/]+)/(Calls/connect|Sms/send|Calls/([^/.]+)|Calls)(\\.json)?");
    private static final Pattern NUMBER_SCRIPT = Pattern.compile("/sandbox/numbers/([^/]+)");
    /** Exotel's account details, {@code GET /v1/Accounts/{sid}}: what tools/doctor reads to try the key and token. */
    private static final Pattern ACCOUNT = Pattern.compile("/v1/Accounts/([^/.]+)(\\.json)?");
    private static final Set<String> IN_PROGRESS = Set.of("queued", "ringing", "in-progress");

    /**
     * A call the sandbox accepted: what it was placed with, the outcome it plays, and how far it got.
     * {@link #heard()} is null until the person picked up and heard the greeting.
     */
    public record PlacedCall(String sid, String from, String callerId, String flowUrl, String customField,
                             String statusCallback, Map<String, String> form, Instant at, CallOutcome outcome,
                             CallProgress progress) {
        public String status() {
            return progress.status();
        }

        public String heard() {
            return progress.heard();
        }

        /** Null unless the greeting answered a URL to play: what fetching it, without credentials, got. */
        public CallProgress.Played played() {
            return progress.played();
        }

        /** Null unless the person pressed a key and the sandbox asked the ack URL. */
        public CallProgress.AckRequest ack() {
            return progress.ack();
        }

        public List<CallProgress.CallbackAttempt> callbacks() {
            return progress.callbacks();
        }

        public boolean ended() {
            return !IN_PROGRESS.contains(status());
        }

        /** Seconds from pick-up to hang-up (rounded up, as telephony bills), 0 when nobody picked up. */
        public long onCallSeconds() {
            if (progress.answeredAt() == null) {
                return 0;
            }
            return (Duration.between(progress.answeredAt(), progress.updatedAt()).toMillis() + 999) / 1000;
        }

        String customFieldOrEmpty() {
            return customField == null ? "" : customField;
        }

        PlacedCall with(UnaryOperator<CallProgress> change) {
            return new PlacedCall(sid, from, callerId, flowUrl, customField, statusCallback, form, at, outcome,
                    change.apply(progress));
        }
    }

    /** An SMS the sandbox accepted; {@code form} has every field as sent (DltEntityId, DltTemplateId…). */
    public record SentSms(String sid, String from, String to, String body, Map<String, String> form, Instant at) {
    }

    private final HttpServer server;
    private final PrintStream console;
    private final ScheduledExecutorService timeline = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "sandbox-exotel-call");
        t.setDaemon(true);
        return t;
    });
    private final SandboxCalls calls;
    private final SandboxSms sms;
    private final SandboxRecordings recordings = new SandboxRecordings();
    private final SandboxInboundCalls inbound;
    /** While set, the call details API answers 503, as an Exotel in trouble would. */
    private volatile boolean callDetailsDown;
    private final java.util.concurrent.atomic.AtomicInteger callDetailsRefused = new java.util.concurrent.atomic.AtomicInteger();
    /** How long after an inbound call ends its details appear (404 before), as Exotel's fill in minutes later; none by default. */
    private volatile Duration callDetailsLag = Duration.ZERO;
    private final java.util.concurrent.atomic.AtomicInteger callDetailsNotYet = new java.util.concurrent.atomic.AtomicInteger();
    private volatile SandboxOutage outage = new SandboxOutage();

    /** The account it acts as: its sid, API key and token (the first account's constants, or a further account's). */
    private final String accountSid;
    private final String apiKey;
    private final String apiToken;

    private SandboxExotel(HttpServer server, PrintStream console, Duration pickUpAfter, CallHistory history, String[] account) {
        this.server = server;
        this.accountSid = account[0];
        this.apiKey = account[1];
        this.apiToken = account[2];
        this.console = console;
        HttpClient http = HttpClient.newBuilder().connectTimeout(SandboxHttp.WEBHOOK_TIMEOUT).build();
        this.calls = new SandboxCalls(http, timeline, console, pickUpAfter, history);
        this.sms = new SandboxSms(console, http, timeline);
        this.inbound = new SandboxInboundCalls(http, timeline, console, recordings);
    }

    /** The threads answering requests; stopped with the sandbox. */
    private final java.util.concurrent.ExecutorService requests = Executors.newFixedThreadPool(8);

    /**
     * {@code pickUpAfter} is how long a call rings before it is picked up (or given up, for the
     * outcomes that do not pick up), and how long a picked-up call stays on the line after it.
     */
    public static SandboxExotel start(PrintStream console, Duration pickUpAfter) throws IOException {
        return start(console, pickUpAfter, java.util.Optional.empty());
    }

    /** As {@link #start(PrintStream, Duration)}, keeping its call records in {@code history} across restarts, as Exotel keeps them. */
    public static SandboxExotel start(PrintStream console, Duration pickUpAfter, java.util.Optional<java.nio.file.Path> history)
            throws IOException {
        return start(console, pickUpAfter, history, new String[] {ACCOUNT_SID, API_KEY, API_TOKEN});
    }

    /**
     * A further Exotel account ({@code exotel:<label>} in VOICE_PROVIDERS): an Exotel of its own, with its own sid
     * ({@code sandbox-<label>}), key and token ({@link #accountSid(String)}, …), its own calls and its own limit; it refuses the
     * first account's credentials, as Exotel refuses one account's key on another's sid.
     */
    public static SandboxExotel startAccount(PrintStream console, Duration pickUpAfter, String label) throws IOException {
        return start(console, pickUpAfter, java.util.Optional.empty(),
                new String[] {accountSid(label), accountSid(label) + "-key", accountSid(label) + "-token"});
    }

    /** A further account's sid; its key and token are the sid and {@code -key} / {@code -token}. */
    public static String accountSid(String label) {
        return ACCOUNT_SID + "-" + label;
    }

    private static SandboxExotel start(PrintStream console, Duration pickUpAfter, java.util.Optional<java.nio.file.Path> history,
                                       String[] account) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SandboxExotel sandbox = new SandboxExotel(server, console, pickUpAfter, CallHistory.at(history), account);
        server.createContext("/", sandbox::handle);
        server.setExecutor(sandbox.requests);
        server.start();
        return sandbox;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where "the person who picked up" asks what to hear: the stack's Dynamic Greeting route. */
    public void answerCallsWith(String greetingUrl) {
        calls.answerWith(greetingUrl);
    }

    /**
     * The SMS template registered with DLT for {@code templateId} ({@code {#var#}} for each variable): from
     * now on an SMS that breaks it is accepted, then reported {@code failed}, as DLT scrubbing does.
     */
    public void registerDltTemplate(String templateId, String registeredText) {
        sms.registerTemplate(templateId, registeredText);
    }

    /**
     * Calls to {@code exoPhone} run the incoming flow whose Passthru is {@code passthruUrl}; each caller leaves a copy
     * of the recording {@code voicemail} (one {@link #addRecording} made ready). {@code POST /sandbox/inbound-calls} places one.
     */
    public void receiveCallsOn(String exoPhone, String passthruUrl, String voicemail) {
        inbound.receiveOn(exoPhone, passthruUrl, voicemail);
    }

    /** From now on the call details API answers 503 ({@code true}), or answers again ({@code false}). */
    public void callDetailsDown(boolean down) {
        callDetailsDown = down;
    }

    /**
     * From now on an inbound call's details answer 404 until {@code lag} after the call ended, as Exotel's do (its
     * Passthru article: query call details 10-15 minutes after the call; providers.md).
     */
    public void callDetailsLag(Duration lag) {
        callDetailsLag = lag;
    }

    /** How many call-details requests for an inbound call were answered 404 because of {@link #callDetailsLag}. */
    public int callDetailsNotYet() {
        return callDetailsNotYet.get();
    }

    /** How many call-details requests were answered 503 while {@link #callDetailsDown} was on. */
    public int callDetailsRefused() {
        return callDetailsRefused.get();
    }

    /**
     * A URL prefix whitelisted with DLT for this sender (the deployment's base URL): from now on, as since October
     * 2024, an SMS with a URL under no whitelisted prefix is accepted, then reported {@code failed}.
     */
    public void whitelistDltUrls(String urlPrefix) {
        sms.whitelistUrls(urlPrefix);
    }

    /** Where a key pressed after the greeting goes, as Exotel's Gather then Passthru send it: the stack's ack route. */
    public void acknowledgeWith(String ackUrl) {
        calls.acknowledgeWith(ackUrl);
    }

    /**
     * What the next calls to {@code e164} do, one outcome per call, the last repeating: {@code answer},
     * {@code press-1}, {@code press-2}, {@code no-answer}, {@code busy}, {@code failed}, {@code machine}, {@code no-callback},
     * {@code invalid-number} (fails at once, as {@code failed}; the sandbox Plivo refuses it). Throws {@link IllegalArgumentException} naming an unknown outcome or a number that is not one.
     */
    public void script(String e164, List<String> outcomes) {
        calls.script().script(e164, outcomes.stream().map(CallOutcome::parse).toList());
    }

    /** Scripts every number of {@code scripts}, as {@link CallScript#parse} reads {@code SOS_SANDBOX_SCRIPT}. */
    public void scriptAll(Map<String, List<CallOutcome>> scripts) {
        scripts.forEach(calls.script()::script);
    }

    /** Every number answers again. */
    /**
     * From now on, answer a share of connect requests 503, leave a share hanging for {@code hangFor}
     * (then half place the call anyway, too late for a client that gave up, and half answer 504), chosen by a
     * seeded random so a test run is repeatable.
     */
    public void failSome(double serverErrorShare, double hangShare, Duration hangFor, long seed) {
        calls.trouble.failSome(serverErrorShare, hangShare, hangFor, seed);
    }

    /** From now on, at most {@code calls} placed per sliding {@code window}; beyond that 429 with Retry-After, as Exotel does. */
    public void limitCalls(int calls, Duration window) {
        this.calls.trouble.limit(calls, window);
    }

    /** Exotel's API goes down when {@code outage} says so (see {@link SandboxOutage}). */
    public void followOutage(SandboxOutage outage) {
        this.outage = outage;
    }

    /** How many connect requests were answered 5xx, left hanging, or throttled. */
    public ProviderTrouble.Counts trouble() {
        return calls.trouble.counts();
    }

    public void clearScripts() {
        calls.script().clear();
    }

    /** The scripts as configured, by E.164 number. */
    public Map<String, List<CallOutcome>> scripts() {
        return calls.script().scripts();
    }

    /** Where the recording {@code name} is (or will be) served, for a Passthru's {@code RecordingUrl}; private, as Exotel's are. */
    public String recordingUrl(String name) {
        return baseUrl() + SandboxRecordings.PATH + name;
    }

    /** The recording {@code name} is ready from now on: served, with the account's credentials only. */
    public void addRecording(String name, byte[] audio, String contentType) {
        recordings.put(name, audio, contentType);
    }

    public List<PlacedCall> calls() {
        return calls.all();
    }

    public List<SentSms> smsMessages() {
        return sms.sent();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Matcher timingOut = API.matcher(exchange.getRequestURI().getPath());
        if (timingOut.matches() && outage.timesOut(SandboxOutage.Provider.EXOTEL, Instant.now())) {
            console.printf("[sandbox exotel] timing out: %s %s left unanswered%n", exchange.getRequestMethod(), timingOut.group(2));
            // Left open and answered late from the timeline: a hung Exotel must not hang the sandbox's own request threads.
            timeline.schedule(() -> lateGatewayTimeout(exchange), SandboxOutage.HANGS_FOR.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return;
        }
        try (exchange) {
            String method = exchange.getRequestMethod();
            Matcher numberScript = NUMBER_SCRIPT.matcher(exchange.getRequestURI().getPath());
            if (numberScript.matches() && "PUT".equals(method)) {
                scriptOverHttp(exchange, numberScript.group(1));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals(SandboxInboundCalls.PATH) && "POST".equals(method)) {
                Map<String, String> request = new java.util.LinkedHashMap<>(SandboxHttp.form(exchange.getRequestURI().getRawQuery()));
                request.putAll(SandboxHttp.body(exchange));
                inbound.call(exchange, request, recordingUrl(""));
                return;
            }
            if (path.startsWith(SandboxRecordings.PATH) && ("GET".equals(method) || "HEAD".equals(method))) {
                recordings.serve(exchange, path.substring(SandboxRecordings.PATH.length()));
                return;
            }
            Matcher account = ACCOUNT.matcher(path);
            if (account.matches() && "GET".equals(method)) {
                account(exchange, account.group(1));
                return;
            }
            Matcher api = API.matcher(path);
            String callSid = api.matches() ? api.group(3) : null;
            boolean bulk = api.matches() && api.group(2).equals("Calls");
            if (!api.matches() || !method.equals(callSid == null && !bulk ? "POST" : "GET")) {
                SandboxHttp.exotelError(exchange, 404, "sandbox knows only POST Calls/connect, POST Sms/send, "
                        + "GET Calls/{CallSid}, GET Calls (bulk details), GET /v1/Accounts/{sid}, GET " + SandboxRecordings.PATH + "{name}, PUT /sandbox/numbers/{number} "
                        + "and POST " + SandboxInboundCalls.PATH);
                return;
            }
            if (outage.isDown(SandboxOutage.Provider.EXOTEL, Instant.now())) {
                console.printf("[sandbox exotel] outage: %s %s answered 503%n", method, api.group(2));
                SandboxHttp.exotelError(exchange, 503, "Service unavailable");
                return;
            }
            if (!accountSid.equals(api.group(1)) || !SandboxHttp.hasBasicAuth(exchange, apiKey, apiToken)) {
                SandboxHttp.exotelError(exchange, 401, "Authentication is required to view this page.");
                return;
            }
            if (callSid != null && callDetailsDown) {
                callDetailsRefused.incrementAndGet();
                SandboxHttp.exotelError(exchange, 503, "Service unavailable");
            } else if (callSid != null && inbound.find(callSid).isPresent()) {
                if (inbound.find(callSid).get().listed(Instant.now(), callDetailsLag)) {
                    SandboxHttp.reply(exchange, 200, Json.write(Map.of("Call", inbound.find(callSid).get().details())));
                } else {
                    callDetailsNotYet.incrementAndGet();
                    SandboxHttp.exotelError(exchange, 404, "Call " + callSid + " was not found");
                }
            } else if (callSid != null) {
                calls.details(exchange, callSid);
            } else if (bulk) {
                calls.bulkDetails(exchange, SandboxHttp.form(exchange.getRequestURI().getRawQuery()));
            } else if (api.group(2).equals("Sms/send")) {
                sms.send(exchange, SandboxHttp.body(exchange));
            } else {
                calls.place(exchange, SandboxHttp.body(exchange));
            }
        }
    }

    private static void lateGatewayTimeout(HttpExchange exchange) {
        try {
            SandboxHttp.exotelError(exchange, 504, "Gateway timeout");
        } catch (IOException clientGone) {
            // The client gave up long ago, as it should.
        } finally {
            exchange.close();
        }
    }

    /** The account's details with the right key and token (Basic auth), 401 otherwise, as Exotel answers them. */
    private void account(HttpExchange exchange, String sid) throws IOException {
        if (outage.isDown(SandboxOutage.Provider.EXOTEL, Instant.now())) {
            SandboxHttp.exotelError(exchange, 503, "Service unavailable");
        } else if (!accountSid.equals(sid) || !SandboxHttp.hasBasicAuth(exchange, apiKey, apiToken)) {
            SandboxHttp.exotelError(exchange, 401, "Authentication is required to view this page.");
        } else {
            SandboxHttp.reply(exchange, 200, Json.write(Map.of("Account", Map.of("Sid", sid, "FriendlyName", "SOS Relay sandbox",
                    "Status", "active", "Type", "Full"))));
        }
    }

    /** {@code PUT /sandbox/numbers/+919800000001} with {@code no-answer,press-1} as the body. */
    private void scriptOverHttp(HttpExchange exchange, String number) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        List<CallOutcome> outcomes;
        try {
            outcomes = CallScript.parseOutcomes(body);
            calls.script().script(number, outcomes);
        } catch (IllegalArgumentException e) {
            SandboxHttp.exotelError(exchange, 400, e.getMessage());
            return;
        }
        String e164 = PhoneNumbers.toE164(number);
        List<String> names = outcomes.stream().map(CallOutcome::scriptName).toList();
        console.printf("[sandbox exotel] %s scripted: %s%n", PhoneNumbers.mask(e164), String.join(",", names));
        SandboxHttp.reply(exchange, 200, Json.write(Map.of("number", e164, "outcomes", names)));
    }

    @Override
    public void close() {
        timeline.shutdownNow();
        server.stop(0);
        requests.shutdownNow();
    }
}
