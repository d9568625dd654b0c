package sosrelay.local.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sosrelay.calls.ExotelAccount;
import sosrelay.calls.ExotelCallDetails;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/** The sandbox Exotel playing scripted calls against WireMock, which plays our greeting, ack and call-status webhooks. */
class SandboxExotelCallsIT {
    private static final String NUMBER = "+919800000001";
    private static final String CALLER_ID = "08047000000";
    private static final String CUSTOM_FIELD = "inc-f4ozhr7np263xfwdrpb2:dr-rao";
    private static final String GREETING = "Heart emergency, ward 3. Press 1 if you are coming.";
    private static final Duration PICK_UP_AFTER = Duration.ofMillis(150);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WireMockServer webhooks;
    private SandboxExotel sandbox;

    @BeforeAll
    static void startWebhooks() {
        webhooks = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        webhooks.start();
    }

    @AfterAll
    static void stopWebhooks() {
        webhooks.stop();
    }

    @BeforeEach
    void start() throws IOException {
        webhooks.resetAll();
        webhooks.stubFor(any(urlPathEqualTo("/greeting")).willReturn(ok(GREETING).withHeader("Content-Type", "text/plain")));
        webhooks.stubFor(get(urlPathEqualTo("/ack")).willReturn(ok("OK")));
        webhooks.stubFor(post(urlPathEqualTo("/call-status")).willReturn(ok()));
        sandbox = SandboxExotel.start(new PrintStream(PrintStream.nullOutputStream()), PICK_UP_AFTER);
        sandbox.answerCallsWith(webhooks.baseUrl() + "/greeting");
        sandbox.acknowledgeWith(webhooks.baseUrl() + "/ack");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void anAnsweredCallPostsACompletedMultipartCallbackWithTheTerminalFields() {
        String sid = placeCall(Map.of("StatusCallbackEvents[0]", "terminal"));

        LoggedRequest callback = awaitCallbacks(sid, 1).get(0);

        assertThat(callback.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        Map<String, String> parts = callback.getParts().stream()
                .collect(Collectors.toMap(Request.Part::getName, p -> p.getBody().asString(), (a, b) -> a, LinkedHashMap::new));
        assertThat(parts).containsOnlyKeys("CallSid", "EventType", "Status", "RecordingUrl", "DateUpdated", "CustomField",
                "From", "To", "Direction", "Legs[0][Status]", "Legs[0][OnCallDuration]", "Legs[0][AnsweredBy]");
        assertThat(parts).containsEntry("CallSid", sid).containsEntry("Status", "completed").containsEntry("RecordingUrl", "")
                .containsEntry("EventType", "terminal").containsEntry("CustomField", CUSTOM_FIELD)
                .containsEntry("From", NUMBER).containsEntry("To", CALLER_ID).containsEntry("Direction", "outbound-api")
                .containsEntry("Legs[0][Status]", "completed").containsEntry("Legs[0][OnCallDuration]", "1")
                .containsEntry("Legs[0][AnsweredBy]", "human");
        assertThat(parts.get("DateUpdated")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        SandboxExotel.PlacedCall call = call(sid);
        assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWER);
        assertThat(call.heard()).isEqualTo(GREETING);
        assertThat(call.ack()).isNull();
        assertThat(call.callbacks()).containsExactly(new CallProgress.CallbackAttempt("completed", 200));
        assertThat(requestsFor("/ack", sid)).isEmpty();
    }

    @Test
    void withoutTheTerminalEventTheCallbackHasOnlyTheBasicFields() {
        String sid = placeCall(Map.of());

        LoggedRequest callback = awaitCallbacks(sid, 1).get(0);

        assertThat(callback.getParts()).extracting(Request.Part::getName)
                .containsExactly("CallSid", "Status", "RecordingUrl", "DateUpdated");
    }

    @Test
    void aCallPlacedForJsonCallbacksGetsJson() {
        String sid = placeCall(Map.of("StatusCallbackContentType", "application/json", "StatusCallbackEvents[0]", "terminal"));

        LoggedRequest callback = awaitCallbacks(sid, 1).get(0);

        assertThat(callback.getHeader("Content-Type")).isEqualTo("application/json");
        Map<String, Object> json = Json.readObject(callback.getBodyAsString());
        assertThat(json).containsEntry("CallSid", sid).containsEntry("Status", "completed").containsEntry("EventType", "terminal")
                .containsEntry("CustomField", CUSTOM_FIELD).containsEntry("From", NUMBER).containsEntry("To", CALLER_ID)
                .containsEntry("RecordingUrl", "").containsKey("DateUpdated");
        assertThat(json.get("Legs")).asList().singleElement().isEqualTo(Map.of("Status", "completed", "OnCallDuration", 1, "AnsweredBy", "human"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void pressingAKeyAsksTheAckUrlWithTheQuotedDigitsAndTheCustomField(String key) {
        sandbox.script(NUMBER, List.of("press-" + key));
        String sid = placeCall(Map.of());

        awaitCallbacks(sid, 1);

        List<LoggedRequest> acks = requestsFor("/ack", sid);
        assertThat(acks).singleElement().satisfies(ack -> {
            assertThat(ack.getUrl()).contains("digits=%22" + key + "%22");
            assertThat(query(ack)).containsExactly(Map.entry("CallSid", sid), Map.entry("CallFrom", NUMBER),
                    Map.entry("CallTo", CALLER_ID), Map.entry("From", NUMBER), Map.entry("To", CALLER_ID),
                    Map.entry("Direction", "outbound-api"), Map.entry("CustomField", CUSTOM_FIELD),
                    Map.entry("digits", "\"" + key + "\""));
        });
        assertThat(call(sid).ack()).isEqualTo(new CallProgress.AckRequest(key, 200));
        assertThat(call(sid).callbacks()).containsExactly(new CallProgress.CallbackAttempt("completed", 200));
    }

    @Test
    void aKeyTheAckPassthruTurnsDownGoesOnToTheDeclinePassthruAsTheOutboundFlowChainsThem() {
        // As SOS Relay answers: the ack Passthru takes only 1 (302 otherwise), the one after it (expect=2) takes 2.
        webhooks.stubFor(get(urlPathEqualTo("/ack")).withQueryParam("expect", absent()).willReturn(aResponse().withStatus(302)));
        webhooks.stubFor(get(urlPathEqualTo("/ack")).withQueryParam("expect", equalTo("2")).willReturn(ok("declined")));
        sandbox.script(NUMBER, List.of("press-2"));
        String sid = placeCall(Map.of());

        awaitCallbacks(sid, 1);

        List<Map<String, String>> passthrus = requestsFor("/ack", sid).stream().map(SandboxExotelCallsIT::query).toList();
        assertThat(passthrus).hasSize(2).allSatisfy(q -> assertThat(q).containsEntry("digits", "\"2\"")
                .containsEntry("CallSid", sid).containsEntry("CustomField", CUSTOM_FIELD));
        assertThat(passthrus).filteredOn(q -> !q.containsKey("expect")).hasSize(1);
        assertThat(passthrus).filteredOn(q -> "2".equals(q.get("expect"))).hasSize(1);
        assertThat(call(sid).ack()).isEqualTo(new CallProgress.AckRequest("2", 200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-answer", "busy", "failed"})
    void nobodyPickingUpPostsThatStatusWithoutAskingTheGreeting(String outcome) {
        sandbox.script(NUMBER, List.of(outcome));
        String sid = placeCall(Map.of("StatusCallbackEvents[0]", "terminal"));

        LoggedRequest callback = awaitCallbacks(sid, 1).get(0);

        assertThat(part(callback, "Status")).isEqualTo(outcome);
        assertThat(part(callback, "Legs[0][OnCallDuration]")).isEqualTo("0");
        assertThat(requestsFor("/greeting", sid)).isEmpty();
        assertThat(call(sid).heard()).isNull();
        assertThat(details(sid, true).body()).contains("\"Status\":\"" + outcome + "\"");
    }

    @Test
    void aScriptPlaysInOrderOverSuccessiveCalls() {
        sandbox.script(NUMBER, List.of("no-answer", "press-1"));

        String first = placeCall(Map.of());
        LoggedRequest firstCallback = awaitCallbacks(first, 1).get(0);
        String second = placeCall(Map.of());
        LoggedRequest secondCallback = awaitCallbacks(second, 1).get(0);

        assertThat(part(firstCallback, "Status")).isEqualTo("no-answer");
        assertThat(part(secondCallback, "Status")).isEqualTo("completed");
        assertThat(requestsFor("/ack", first)).isEmpty();
        assertThat(requestsFor("/ack", second)).hasSize(1);
        assertThat(sandbox.calls()).extracting(SandboxExotel.PlacedCall::outcome)
                .containsExactly(CallOutcome.NO_ANSWER, CallOutcome.PRESS_1);
    }

    @Test
    void aLostCallbackIsNeverPostedButTheCallDetailsTellTheTruth() throws InterruptedException {
        sandbox.script(NUMBER, List.of("no-callback"));
        String sid = placeCall(Map.of());

        await("the call to end", () -> call(sid).ended());
        Thread.sleep(PICK_UP_AFTER.multipliedBy(3).toMillis());

        assertThat(requestsFor("/call-status", sid)).isEmpty();
        assertThat(call(sid).callbacks()).isEmpty();
        HttpResponse<String> details = details(sid, true);
        assertThat(details.statusCode()).isEqualTo(200);
        Map<?, ?> json = (Map<?, ?>) Json.readObject(details.body()).get("Call");
        assertThat(json.get("Sid")).isEqualTo(sid);
        assertThat(json.get("Status")).isEqualTo("no-answer");
        assertThat(json.get("From")).isEqualTo(NUMBER);
        assertThat(json.get("To")).isEqualTo(CALLER_ID);
        assertThat(json.get("Direction")).isEqualTo("outbound-api");
        assertThat((String) json.get("DateCreated")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }

    @Test
    void theCallDetailsFollowTheCallAndNeedBasicAuth() {
        String sid = placeCall(Map.of());

        assertThat(details(sid, true).body()).containsPattern("\"Status\":\"(queued|ringing|in-progress)\"");
        await("the call to end", () -> call(sid).ended());
        assertThat(details(sid, true).body()).contains("\"Status\":\"completed\"");
        HttpResponse<String> anonymous = details(sid, false);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("RestException");
        HttpResponse<String> unknown = details("0123456789abcdef", true);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("RestException");
    }

    @Test
    void aFailingReceiverGetsTheCallbackAgain() {
        webhooks.stubFor(post(urlPathEqualTo("/call-status")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        webhooks.stubFor(post(urlPathEqualTo("/call-status")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(ok()));
        String sid = placeCall(Map.of());

        awaitCallbacks(sid, 2);

        assertThat(call(sid).callbacks()).containsExactly(new CallProgress.CallbackAttempt("completed", 500),
                new CallProgress.CallbackAttempt("completed", 200));
    }

    @Test
    void aReceiverThatNeverAnswersIsTriedThreeTimesThenGivenUp() {
        webhooks.stubFor(post(urlPathEqualTo("/call-status")).willReturn(aResponse().withStatus(503)));
        String sid = placeCall(Map.of());

        await("three attempts", () -> call(sid).callbacks().size() == 3);

        assertThat(call(sid).callbacks()).extracting(CallProgress.CallbackAttempt::httpStatus).containsExactly(503, 503, 503);
    }

    @Test
    void aNumberCanBeScriptedOverHttpAndABadOutcomeIsNamed() {
        HttpResponse<String> bad = put("/sandbox/numbers/" + NUMBER, "no-answer,pres-1");
        HttpResponse<String> good = put("/sandbox/numbers/" + NUMBER, "busy");
        String sid = placeCall(Map.of());

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown call outcome 'pres-1'");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(sandbox.scripts()).containsEntry(NUMBER, List.of(CallOutcome.BUSY));
        assertThat(part(awaitCallbacks(sid, 1).get(0), "Status")).isEqualTo("busy");
    }

    @Test
    void bulkCallDetailsFindTheCallsToANumberSinceAMomentAsOurLookupAsksForThem() {
        Instant before = Instant.now().minusSeconds(1);
        String first = placeCall(Map.of());
        placeCall(Map.of("From", "+919800000002"));
        String second = placeCall(Map.of());
        ExotelCallDetails lookup = new ExotelCallDetails(HTTP, new ExotelAccount(sandbox.baseUrl(), SandboxExotel.ACCOUNT_SID,
                SandboxExotel.API_KEY, () -> SandboxExotel.API_TOKEN, CALLER_ID, () -> "http://flow", () -> "http://status", 30, 600,
                Duration.ofSeconds(5)));

        assertThat(lookup.placedSince(NUMBER, before)).containsExactlyInAnyOrder(first, second);
        assertThat(lookup.placedSince(NUMBER, Instant.now().plusSeconds(60))).isEmpty();
    }

    @Test
    void withAHistoryFileASandboxStartedAgainStillAnswersForTheCallsItPlacedBeforeAsExotelWould(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path history = dir.resolve("calls.jsonl");
        Instant before = Instant.now().minusSeconds(1);
        SandboxExotel first = SandboxExotel.start(new PrintStream(PrintStream.nullOutputStream()), PICK_UP_AFTER, java.util.Optional.of(history));
        SandboxExotel previous = sandbox;
        sandbox = first;
        String sid = placeCall(Map.of());
        first.close();
        try (SandboxExotel again = SandboxExotel.start(new PrintStream(PrintStream.nullOutputStream()), PICK_UP_AFTER,
                java.util.Optional.of(history))) {
            ExotelCallDetails lookup = new ExotelCallDetails(HTTP, new ExotelAccount(again.baseUrl(), SandboxExotel.ACCOUNT_SID,
                    SandboxExotel.API_KEY, () -> SandboxExotel.API_TOKEN, CALLER_ID, () -> "http://flow", () -> "http://status", 30, 600,
                    Duration.ofSeconds(5)));

            assertThat(lookup.placedSince(NUMBER, before)).containsExactly(sid);
            assertThat(lookup.status(sid)).isEqualTo("completed");
            assertThat(again.calls()).as("Exotel's records, not calls this sandbox placed").isEmpty();
        } finally {
            sandbox = previous;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DateCreated=2026-11-25", "DateCreated=gte:2026-11-25%2010:00:00;lte:2027-01-25%2010:00:00",
            "From=%2B911,%2B912,%2B913,%2B914,%2B915,%2B916", "PageSize=500", "SortBy=Price"})
    void bulkCallDetailsRefuseFiltersExotelRefuses(String query) {
        HttpResponse<String> refused = send(authorized(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/Accounts/"
                + SandboxExotel.ACCOUNT_SID + "/Calls.json?" + query)).GET()).build());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("RestException");
    }

    /** Places a call as our call sender does, plus {@code extra} fields; returns its Sid. */
    private String placeCall(Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("From", NUMBER);
        form.put("CallerId", CALLER_ID);
        form.put("Url", "http://my.exotel.com/sandbox/exoml/start_voice/1");
        form.put("CustomField", CUSTOM_FIELD);
        form.put("StatusCallback", webhooks.baseUrl() + "/call-status");
        form.putAll(extra);
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                + "/v1/Accounts/" + SandboxExotel.ACCOUNT_SID + "/Calls/connect.json")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form))).build());
        assertThat(response.statusCode()).isEqualTo(200);
        return (String) ((Map<?, ?>) Json.readObject(response.body()).get("Call")).get("Sid");
    }

    private HttpResponse<String> details(String sid, boolean withAuth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/Accounts/"
                + SandboxExotel.ACCOUNT_SID + "/Calls/" + sid + ".json")).GET();
        return send((withAuth ? authorized(request) : request).build());
    }

    private HttpResponse<String> put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (SandboxExotel.API_KEY + ":" + SandboxExotel.API_TOKEN).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    private SandboxExotel.PlacedCall call(String sid) {
        return sandbox.calls().stream().filter(c -> c.sid().equals(sid)).findFirst().orElseThrow();
    }

    /** Until WireMock got {@code count} callbacks for the call and the sandbox has recorded what they got back. */
    private List<LoggedRequest> awaitCallbacks(String sid, int count) {
        await(count + " status callback(s) for " + sid, () -> requestsFor("/call-status", sid).size() >= count
                && call(sid).callbacks().size() >= count);
        return requestsFor("/call-status", sid);
    }

    /** The requests WireMock got on {@code path} about call {@code sid}, from its query or its body. */
    private static List<LoggedRequest> requestsFor(String path, String sid) {
        return webhooks.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().startsWith(path) && (sid.equals(query(r).get("CallSid")) || r.getBodyAsString().contains(sid)))
                .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
                .toList();
    }

    private static Map<String, String> query(LoggedRequest request) {
        String url = request.getUrl();
        Map<String, String> first = new LinkedHashMap<>();
        FormEncoding.decode(url.contains("?") ? url.substring(url.indexOf('?') + 1) : "").forEach((k, v) -> first.put(k, v.get(0)));
        return first;
    }

    private static String part(LoggedRequest request, String name) {
        return request.getPart(name).getBody().asString();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
