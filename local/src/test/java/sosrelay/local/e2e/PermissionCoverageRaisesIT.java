package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalApiKeys;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 21, item 2, for the functions that raise, answer the APIs and open what a text links to
 * ({@link PermissionCoverage#RAISES}): every operation their own Policies grant runs under IAM enforcement here, and
 * none is refused. The scenarios run in order on one stack; the last test prints the table (function, action,
 * resource, the scenario that first exercised it) and fails on any row no scenario exercised. Among them: raising
 * from an alarm, a heartbeat and a drill schedule whose tier 1 has nobody on duty (the raise escalates at once,
 * which queries the deliveries); a greeting and a text's link that sign a URL of our recording copy (the URL reads
 * with the signer's rights: the stack checks them as it signs); SnapStart's warm-up, as Lambda runs it before the
 * snapshot with the function's role.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PermissionCoverageRaisesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String IST = "+05:30";
    private static Path directory;
    private static LocalRelay relay;
    private static SandboxExotel exotel;
    private static PermissionCoverage coverage;

    @BeforeAll
    static void start() throws IOException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.of(IST));
        // Nobody on duty in night-cover now: its only hours are six hours away.
        int from = (now.getHour() + 6) % 24;
        directory = Files.createTempFile("permission-coverage-raises", ".yaml");
        Files.writeString(directory, """
                defaultType: General
                people:
                  - {id: p1, name: P One, phone: "+919814000001", channels: [call, sms, whatsapp]}
                  - {id: p2, name: P Two, phone: "+919814000002", channels: [call, sms, whatsapp]}
                  - {id: p3, name: P Three, phone: "+919814000003", channels: [call]}
                  - {id: r1, name: R One, phone: "+919814000011", channels: [call, sms]}
                rosters:
                  night-cover:
                    rotations:
                      - {people: [p3], shift: 1d, start: "2026-11-01T00:00:00+05:30", hours: "%1$02d:00-%2$02d:00"}
                types:
                  General:
                    retry: {attempts: 1, after: 1s}
                    tiers:
                      - {notify: [p1, p2], escalateAfter: 3s}
                      - {notify: [p3]}
                  Empty:
                    tiers:
                      - {notify: [night-cover], escalateAfter: 1h}
                      - {notify: [p1]}
                  Urgent:
                    priority: high
                    tiers:
                      - {notify: [night-cover], escalateAfter: 1h}
                      - {notify: [p3]}
                  Recorded:
                    tiers:
                      - {notify: [r1], escalateAfter: 1h}
                alarms:
                  - {match: "sos-relay-*", type: Empty}
                  - {match: "billing-*", type: Urgent}
                devices:
                  - {keyId: %5$s, name: coverage-panel, types: [General, Empty, Urgent, Recorded]}
                heartbeats:
                  - {source: panel-9, expectEvery: 5s, type: Empty, keys: [%5$s]}
                  - {source: panel-10, expectEvery: 5s, type: Urgent, keys: [%5$s]}
                drills:
                  - {type: Empty, schedule: "cron(%3$d %4$d ? * * *)"}
                  - {type: Urgent, schedule: "cron(%3$d %4$d ? * * *)"}
                """.formatted(from, (from + 1) % 24, now.withOffsetSameInstant(ZoneOffset.UTC).getMinute(),
                now.withOffsetSameInstant(ZoneOffset.UTC).getHour(), LocalApiKeys.idOf(LocalRelay.LOCAL_API_KEY)));
        relay = LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withContactsFile(directory)
                        .withEnvironmentOverrides(Map.of("SOS_LOCAL_SSM", "on", "SOS_LOCAL_SCHEDULE_SECONDS", "1", "DIRECTORY_CACHE_SECONDS", "0",
                                "EXOTEL_SMS_REPLY_NUMBER", "08047000001", "GUPSHUP_INBOUND", "on")),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()));
        exotel = relay.sandbox().orElseThrow();
        coverage = new PermissionCoverage(relay, PermissionCoverage.RAISES);
        // Beats now, so their sources fall silent (after 5 s) while the scenarios before the heartbeats' run.
        for (String source : List.of("panel-9", "panel-10")) {
            assertThat(LocalHttp.postJson(base(), "/v1/heartbeats/" + source, LocalRelay.LOCAL_API_KEY, "").statusCode()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        relay.close();
        Files.deleteIfExists(directory);
    }

    /** The scheduled drills of the directory come due at once (their cron names this minute; the schedule runs every second). */
    @Test
    @Order(1)
    void aDrillScheduleComesDueWithNobodyOnDutyInTier1(TestInfo test) {
        coverage.awaitGranted("DrillScheduleFunction", "dynamodb:Query", "table/IncidentsTable/index/ByCreatedAt");
        for (String queue : List.of(":CallJobsQueue", ":SmsJobsQueue", ":WhatsAppJobsQueue", ":TimersQueue")) {
            coverage.awaitGranted("DrillScheduleFunction", "sqs:SendMessage", queue);
        }
        record(test);
    }

    /** Two alarms (tier 1 of each type on nobody's duty: the next tier at once, one of them urgent), then one's OK. */
    @Test
    @Order(2)
    void anAlarmRaisesWithNobodyOnDutyInTier1(TestInfo test) {
        assertThat(LocalHttp.invoke(base(), "AlarmFunction", event("alarm-direct.json")).statusCode()).isEqualTo(200);
        assertThat(LocalHttp.invoke(base(), "AlarmFunction", event("alarm-direct-unrouted.json")).statusCode()).isEqualTo(200);
        assertThat(LocalHttp.invoke(base(), "AlarmFunction", event("alarm-direct-ok.json")).statusCode()).isEqualTo(200);
        for (String queue : List.of(":CallJobsQueue", ":UrgentCallJobsQueue", ":SmsJobsQueue", ":WhatsAppJobsQueue", ":TimersQueue")) {
            coverage.awaitGranted("AlarmFunction", "sqs:SendMessage", queue);
        }
        coverage.awaitGranted("AlarmFunction", "dynamodb:DeleteItem", "table/IncidentsTable");
        record(test);
    }

    @Test
    @Order(3)
    void aFrontDeskCallsTheEmergencyLine(TestInfo test) {
        Map<String, Object> call = LocalHttp.inboundCall(relay, "09812345678", "General");
        assertThat(((Number) call.get("passthruStatus")).intValue()).isEqualTo(200);
        Map<String, Object> urgent = LocalHttp.inboundCall(relay, "09812345679", "Urgent");
        assertThat(((Number) urgent.get("passthruStatus")).intValue()).isEqualTo(200);
        for (String queue : List.of(":CallJobsQueue", ":UrgentCallJobsQueue", ":SmsJobsQueue", ":WhatsAppJobsQueue", ":TimersQueue")) {
            coverage.awaitGranted("ExotelPassthruFunction", "sqs:SendMessage", queue);
        }
        // A call we placed asks for its greeting.
        coverage.awaitGranted("ExotelGreetingFunction", "dynamodb:GetItem", "table/IncidentsTable");
        record(test);
    }

    /** The beats of {@link #start}: silent past their 5 s, with nobody on duty in tier 1 (one of the types urgent). */
    @Test
    @Order(4)
    void aHeartbeatSourceFallsSilentWithNobodyOnDutyInTier1(TestInfo test) {
        for (String queue : List.of(":CallJobsQueue", ":UrgentCallJobsQueue", ":SmsJobsQueue", ":WhatsAppJobsQueue", ":TimersQueue")) {
            coverage.awaitGranted("HeartbeatCheckFunction", "sqs:SendMessage", queue);
        }
        record(test);
    }

    @Test
    @Order(5)
    void aDeviceRaisesReadsAndResolvesAndAnOperatorReadsRostersAndTheBoard(TestInfo test) {
        HttpResponse<String> raised = LocalHttp.postJson(base(), "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                "{\"type\":\"General\",\"message\":\"Coverage\",\"source\":\"monitor-1\"}");
        assertThat(raised.statusCode()).as(raised.body()).isIn(200, 201, 202);
        String id = (String) Json.readObject(raised.body()).get("incidentId");
        assertThat(LocalHttp.getWithKey(base(), "/v1/incidents/" + id, LocalRelay.LOCAL_API_KEY).statusCode()).isEqualTo(200);
        assertThat(LocalHttp.postJson(base(), "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                "{\"type\":\"Urgent\",\"message\":\"Coverage\",\"source\":\"monitor-2\"}").statusCode()).isIn(200, 201, 202);
        assertThat(send("POST", "/v1/incidents/" + id + "/resolve", LocalRelay.LOCAL_API_KEY, null, "{}").statusCode()).isEqualTo(200);
        assertThat(LocalHttp.getWithKey(base(), "/v1/incidents?type=General", LocalRelay.LOCAL_OPERATOR_KEY).statusCode()).isEqualTo(200);
        assertThat(LocalHttp.getWithKey(base(), "/v1/rosters/night-cover/on-duty", LocalRelay.LOCAL_OPERATOR_KEY).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v1/operator/incidents?type=General", null, relay.operatorToken(), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/board", null, null, null).statusCode()).isEqualTo(200);
        record(test);
    }

    @Test
    @Order(6)
    void anOperatorPlacesATestCallAndRunsADrill(TestInfo test) {
        // No drill of a type while a real incident of it is unresolved: the earlier scenarios' General and Urgent ones end.
        resolveOpen("General");
        resolveOpen("Urgent");
        HttpResponse<String> testCall = send("POST", "/v1/people/p3/test-call", null, relay.operatorToken(), "{}");
        assertThat(testCall.statusCode()).as(testCall.body()).isIn(200, 202);
        HttpResponse<String> drill = send("POST", "/v1/drills", null, relay.operatorToken(), "{\"type\":\"General\"}");
        assertThat(drill.statusCode()).as(drill.body()).isIn(200, 202);
        String drillId = (String) Json.readObject(drill.body()).get("drillId");
        assertThat(send("GET", "/v1/drills/" + drillId, null, relay.operatorToken(), null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v1/drills", null, relay.operatorToken(), "{\"type\":\"Urgent\"}").statusCode()).isIn(200, 202);
        record(test);
    }

    /** OperatorApiFunction: the conditional update of the directory item, and the desk's read of who has answered. */
    @Test
    @Order(7)
    void anOperatorAddsAndRemovesARosterOverrideAndReadsTheDesk(TestInfo test) {
        // Hours from now, so no later raise rings differently.
        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.of(IST)).plusHours(5).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> added = send("POST", "/v1/rosters/night-cover/overrides", LocalRelay.LOCAL_OPERATOR_KEY, null,
                "{\"person\":\"p1\",\"from\":\"" + from + "\",\"to\":\"" + from.plusHours(1) + "\",\"reason\":\"coverage\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String overrideId = (String) Json.readObject(added.body()).get("id");
        assertThat(send("DELETE", "/v1/rosters/night-cover/overrides/" + overrideId, LocalRelay.LOCAL_OPERATOR_KEY, null, null)
                .statusCode()).isEqualTo(200);
        HttpResponse<String> desk = send("GET", "/v1/desk", null, relay.operatorToken(), null);
        assertThat(desk.statusCode()).as(desk.body()).isEqualTo(200);
        coverage.awaitGranted("OperatorApiFunction", "dynamodb:UpdateItem", "table/DirectoryTable");
        coverage.awaitGranted("OperatorApiFunction", "dynamodb:GetItem", "table/IncidentsTable");
        record(test);
    }

    /**
     * Recordings of ours, played through URLs signed for a GET, which reads with the signer's rights (s3:GetObject,
     * and kms:Decrypt of the stack's key): the greeting of a call for a device's incident whose recording is one of our
     * copies already, and the link in the text of a front desk's call, once the timer has copied its voicemail.
     */
    @Test
    @Order(8)
    void aRecordingPlaysInTheGreetingAndFromATextsLink(TestInfo test) {
        String bucket = relay.stack().environment("RecordingLinkFunction").get("RECORDINGS_BUCKET");
        String earlier = deviceIncident("{\"type\":\"Recorded\",\"message\":\"Coverage\",\"dedupKey\":\"rec-0\"}");
        String copy = "recordings/" + earlier + "/8khz-mono.wav";
        String recorded = deviceIncident("{\"type\":\"Recorded\",\"message\":\"Coverage\",\"dedupKey\":\"rec-1\",\"recordingUrl\":\"s3://"
                + bucket + "/" + copy + "\"}");
        LocalHttp.await("r1's greeting to play our copy", WAIT, () -> exotel.calls().stream().anyMatch(c -> c.customField().startsWith(recorded + ":")
                && c.heard() != null && c.heard().contains("X-Amz-Signature=")));
        coverage.awaitGranted("ExotelGreetingFunction", "s3:GetObject", bucket + "/" + copy);

        Map<String, Object> call = LocalHttp.inboundCall(relay, "09812345670", "Recorded");
        assertThat(((Number) call.get("passthruStatus")).intValue()).isEqualTo(200);
        String called = ((String) call.get("passthruBody")).substring("OK ".length());
        Pattern link = Pattern.compile(Pattern.quote(base() + "/r/") + "([A-Za-z0-9]{22})");
        LocalHttp.await("r1's text with its recording link, and the voicemail's copy", WAIT, () -> exotel.smsMessages().stream()
                .anyMatch(m -> m.form().getOrDefault("CustomField", "").equals(called + ":r1") && link.matcher(m.body()).find())
                && copied(called));
        Matcher token = link.matcher(exotel.smsMessages().stream().filter(m -> m.form().getOrDefault("CustomField", "").equals(called + ":r1"))
                .findFirst().orElseThrow().body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> opened = send("GET", "/r/" + token.group(1), null, null, null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).contains("X-Amz-Signature=");
        coverage.awaitGranted("RecordingLinkFunction", "s3:GetObject", bucket + "/recordings/" + called + "/");
        for (String function : List.of("ExotelGreetingFunction", "RecordingLinkFunction")) {
            coverage.awaitGranted(function, "kms:Decrypt", "key/DataKey");
        }
        record(test);
    }

    private static boolean copied(String incidentId) {
        return relay.stack().dynamoDb().getItem(g -> g.tableName(relay.stack().resources().tableName("IncidentsTable").orElseThrow())
                .key(Map.of("pk", AttributeValue.fromS("INC#" + incidentId), "sk", AttributeValue.fromS("INCIDENT")))).item()
                .containsKey("recordingCopyKey");
    }

    /**
     * Lambda runs each function's warm-up before the SnapStart snapshot, with the function's role: a read of an
     * incident that cannot exist, an empty batch to the call queue where the function built its SQS client.
     */
    @Test
    @Order(9)
    void snapStartPrimesEveryFunctionWithItsRole(TestInfo test) {
        assertThat(relay.stack().primeSnapStart()).containsAll(PermissionCoverage.RAISES);
        record(test);
    }

    @Test
    @Order(100)
    void everyOperationTheRolesGrantRanUnderEnforcementAndNoneWasRefused() {
        coverage.assertEveryRowCovered();
    }

    private static void record(TestInfo test) {
        coverage.record(test.getTestMethod().orElseThrow().getName());
    }

    private static String deviceIncident(String json) {
        HttpResponse<String> response = LocalHttp.postJson(base(), "/v1/incidents", LocalRelay.LOCAL_API_KEY, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return (String) Json.readObject(response.body()).get("incidentId");
    }

    private static URI base() {
        return relay.stack().baseUrl();
    }

    private static Path event(String name) {
        return LocalTemplate.findTemplate().getParent().resolve("events").resolve(name);
    }

    @SuppressWarnings("unchecked")
    private static void resolveOpen(String type) {
        String listed = LocalHttp.getWithKey(base(), "/v1/incidents?type=" + type, LocalRelay.LOCAL_OPERATOR_KEY).body();
        for (Map<String, Object> incident : (List<Map<String, Object>>) Json.readObject(listed).get("incidents")) {
            if (!"resolved".equals(incident.get("status"))) {
                assertThat(send("POST", "/v1/incidents/" + incident.get("incidentId") + "/resolve", LocalRelay.LOCAL_OPERATOR_KEY, null, "{}")
                        .statusCode()).isEqualTo(200);
            }
        }
    }

    static HttpResponse<String> send(String method, String path, String apiKey, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
