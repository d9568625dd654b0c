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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import sosrelay.local.iam.GrantedRequests;
import sosrelay.local.iam.PolicyStatement;
import sosrelay.local.iam.RolePolicy;
import sosrelay.local.sandbox.SandboxExotel;
import sosrelay.local.sandbox.SandboxGupShup;

/**
 * Every operation a function's own Policies grant (what its code reaches: the template grants each table, queue,
 * parameter and key action for a code path) runs under IAM enforcement here, and none is refused. The scenarios
 * run in order on one stack; the last test prints the table (function, action, resource, the scenario that first
 * exercised it) and fails on any row no scenario exercised: a path no test runs, or a grant nothing needs. Among
 * them: raising from an alarm, a heartbeat and a drill schedule whose tier 1 has nobody on duty (the raise escalates
 * at once, which queries the deliveries).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PermissionCoverageIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** First scenario that exercised each granted request. */
    private static final Map<GrantedRequests.Granted, String> COVERED = new LinkedHashMap<>();
    private static Path directory;
    private static LocalRelay relay;
    private static SandboxExotel exotel;
    private static SandboxGupShup gupShup;

    @BeforeAll
    static void start() throws IOException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30));
        // Nobody on duty in night-cover now: its only hours are six hours away.
        int from = (now.getHour() + 6) % 24;
        directory = Files.createTempFile("permission-coverage", ".yaml");
        Files.writeString(directory, """
                defaultType: General
                people:
                  - {id: p1, name: P One, phone: "+919814000001", channels: [call, sms, whatsapp]}
                  - {id: p2, name: P Two, phone: "+919814000002", channels: [call, sms, whatsapp]}
                  - {id: p3, name: P Three, phone: "+919814000003", channels: [call]}
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
                alarms:
                  - {match: "sos-relay-*", type: Empty}
                  - {match: "billing-*", type: Urgent}
                devices:
                  - {keyId: %5$s, name: coverage-panel, types: [General, Empty, Urgent]}
                heartbeats:
                  - {source: panel-9, expectEvery: 5s, type: Empty, keys: [%5$s]}
                  - {source: panel-10, expectEvery: 5s, type: Urgent, keys: [%5$s]}
                drills:
                  - {type: Empty, schedule: "cron(%3$d %4$d ? * * *)"}
                  - {type: Urgent, schedule: "cron(%3$d %4$d ? * * *)"}
                """.formatted(from, (from + 1) % 24, now.withOffsetSameInstant(ZoneOffset.UTC).getMinute(),
                now.withOffsetSameInstant(ZoneOffset.UTC).getHour(), LocalApiKeys.idOf(LocalRelay.LOCAL_API_KEY)));
        relay = LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withContactsFile(directory)
                        .withEnvironmentOverrides(Map.of("SOS_LOCAL_SCHEDULE_SECONDS", "1", "DIRECTORY_CACHE_SECONDS", "0",
                                "EXOTEL_SMS_REPLY_NUMBER", "08047000001", "GUPSHUP_INBOUND", "on")),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()));
        exotel = relay.sandbox().orElseThrow();
        gupShup = relay.sandboxGupShup().orElseThrow();
    }

    @AfterAll
    static void stop() throws IOException {
        relay.close();
        Files.deleteIfExists(directory);
    }

    @Test
    @Order(1)
    void aHeartbeatSourceFallsSilentWithNobodyOnDutyInTier1(TestInfo test) {
        Map<String, Long> before = callsTo();
        for (String source : List.of("panel-9", "panel-10")) {
            assertThat(LocalHttp.postJson(base(), "/v1/heartbeats/" + source, LocalRelay.LOCAL_API_KEY, "").statusCode()).isEqualTo(200);
        }
        LocalHttp.await("the silences to ring both tier 2s", WAIT, () -> rungAgain(before, "+919814000001", "+919814000003"));
        record(test);
    }

    @Test
    @Order(2)
    void aDrillScheduleComesDueWithNobodyOnDutyInTier1(TestInfo test) {
        LocalHttp.await("both scheduled drills", WAIT, () -> exotel.calls().stream().filter(c -> c.heard() != null && c.heard().contains("drill"))
                .map(SandboxExotel.PlacedCall::from).distinct().count() >= 2);
        record(test);
    }

    @Test
    @Order(3)
    void anAlarmRaisesWithNobodyOnDutyInTier1(TestInfo test) {
        Map<String, Long> before = callsTo();
        assertThat(LocalHttp.invoke(base(), "AlarmFunction", event("alarm-direct.json")).statusCode()).isEqualTo(200);
        assertThat(LocalHttp.invoke(base(), "AlarmFunction", event("alarm-direct-unrouted.json")).statusCode()).isEqualTo(200);
        LocalHttp.await("the alarms to ring both tier 2s", WAIT, () -> rungAgain(before, "+919814000001", "+919814000003"));
        assertThat(LocalHttp.invoke(base(), "AlarmFunction", event("alarm-direct-ok.json")).statusCode()).isEqualTo(200);
        record(test);
    }

    @Test
    @Order(4)
    void aCallRingsEveryChannelWithAnAnswerARetryAndTheReplies(TestInfo test) {
        exotel.script("+919814000001", List.of("press-1"));
        exotel.script("+919814000002", List.of("no-answer", "no-answer"));
        gupShup.script("+919814000002", SandboxGupShup.Fate.FAILED);
        Map<String, Object> call = LocalHttp.inboundCall(relay, "09812345678", "General");
        assertThat(((Number) call.get("passthruStatus")).intValue()).isEqualTo(200);
        String incident = ((String) call.get("passthruBody")).substring("OK ".length());
        LocalHttp.await("calls, texts and WhatsApp", WAIT, () -> exotel.smsMessages().stream().anyMatch(m -> m.to().equals("+919814000002")
                && m.body().contains(incident)) && gupShup.messages().stream().anyMatch(m -> m.sendTo().equals("919814000001") && m.msg().contains(incident))
                && exotel.calls().stream().filter(c -> c.customField().startsWith(incident + ":")).count() >= 2);
        String sms = exotel.smsMessages().stream().filter(s -> s.to().equals("+919814000002") && s.body().contains(incident))
                .findFirst().orElseThrow().body();
        String code = sms.replaceAll(".*Reply ([0-9]{6}) to .*", "$1");
        assertThat(LocalHttp.get(base(), "/exotel/local-webhook-secret/sms-reply", Map.of("From", "09814000002", "Body", code)).body())
                .isEqualTo("Acknowledged. Thank you.");
        String whatsApp = gupShup.messages().stream().filter(m -> m.sendTo().equals("919814000001") && m.msg().contains(incident))
                .findFirst().orElseThrow().msg();
        assertThat(gupShup.reply("+919814000001", whatsApp.replaceAll(".*Reply ([0-9]{6}) to this message.*", "$1"))).isEqualTo(200);
        Map<String, Object> urgent = LocalHttp.inboundCall(relay, "09812345679", "Urgent");
        assertThat(((Number) urgent.get("passthruStatus")).intValue()).isEqualTo(200);
        record(test);
    }

    @Test
    @Order(5)
    void aDeviceRaisesReadsAndResolvesAndAnOperatorReadsRostersAndTheBoard(TestInfo test) {
        HttpResponse<String> raised = LocalHttp.postJson(base(), "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                "{\"type\":\"General\",\"summary\":\"Coverage\",\"source\":\"monitor-1\"}");
        assertThat(raised.statusCode()).as(raised.body()).isIn(200, 201, 202);
        String id = (String) Json.readObject(raised.body()).get("incidentId");
        assertThat(LocalHttp.getWithKey(base(), "/v1/incidents/" + id, LocalRelay.LOCAL_API_KEY).statusCode()).isEqualTo(200);
        assertThat(LocalHttp.postJson(base(), "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                "{\"type\":\"Urgent\",\"summary\":\"Coverage\",\"source\":\"monitor-2\"}").statusCode()).isIn(200, 201, 202);
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

    @Test
    @Order(100)
    void everyOperationTheRolesGrantRanUnderEnforcementAndNoneWasRefused() {
        LocalHttp.await("the queues to drain", WAIT, () -> LocalHttp.callQueuesEmpty(relay));
        List<String> table = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        relay.stack().roles().forEach((function, role) -> rows(role).forEach(row -> {
            Optional<String> by = COVERED.entrySet().stream().filter(e -> e.getKey().function().equals(function)
                    && row.statement().covers(e.getKey().action(), e.getKey().resource())
                    && e.getKey().action().equalsIgnoreCase(row.action())).map(Map.Entry::getValue).findFirst();
            String line = String.format("%-26s %-26s %-80s %s", function, row.action(), row.resource(), by.orElse("UNCOVERED"));
            table.add(line);
            if (by.isEmpty()) {
                uncovered.add(line);
            }
        }));
        System.out.println("Permission coverage (function, action, resource, first covering scenario):\n" + String.join("\n", table));
        assertThat(relay.stack().accessDenials().all()).as("requests the template's roles refused").isEmpty();
        List<String> uncoveredRows = uncovered.stream().map(line -> line.replaceAll("\\s+UNCOVERED$", "").replaceAll("\\s+", " ")).toList();
        assertThat(uncoveredRows).as("granted operations no scenario ran, beyond the known gaps").isSubsetOf(KNOWN_GAPS);
    }

    /**
     * Rows no scenario here reaches yet (issue 21, item 2, not finished): each is a path to cover, or a grant to drop.
     * Some depend on timing (which of a race's sides a run takes); a row outside this list fails the test.
     */
    private static final List<String> KNOWN_GAPS = List.of(
            // A report kept by the GupShup delivery function and taken by it in the same race (which side wins is timing).
            "GupShupDeliveryFunction dynamodb:DeleteItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            // A worker takes a kept report only when one beat its record of the provider's id (issue 24: the record checks
            // that none is kept, ConditionCheckItem, which every scenario covers); whether a sandbox report comes first is timing.
            "CallJobFunction dynamodb:DeleteItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "SmsJobFunction dynamodb:DeleteItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "WhatsAppJobFunction dynamodb:DeleteItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "ExotelPassthruFunction dynamodb:GetItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "ExotelGreetingFunction s3:GetObject arn:aws:s3:::recordingsbucket/*",
            "ExotelGreetingFunction kms:Decrypt arn:aws:kms:ap-south-1:000000000000:key/DataKey",
            "OperatorApiFunction dynamodb:UpdateItem arn:aws:dynamodb:ap-south-1:000000000000:table/DirectoryTable",
            "OperatorApiFunction dynamodb:GetItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "DrillScheduleFunction dynamodb:GetItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "RecordingLinkFunction dynamodb:GetItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "RecordingLinkFunction s3:GetObject arn:aws:s3:::recordingsbucket/*",
            "RecordingLinkFunction kms:Decrypt arn:aws:kms:ap-south-1:000000000000:key/DataKey",
            "ExotelCallStatusFunction dynamodb:DeleteItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "ExotelCallStatusFunction kms:GenerateDataKey arn:aws:kms:ap-south-1:000000000000:key/DataKey",
            "ExotelCallStatusFunction kms:Decrypt arn:aws:kms:ap-south-1:000000000000:key/DataKey",
            "ExotelCallStatusFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:TimersQueue",
            "ExotelSmsStatusFunction dynamodb:DeleteItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "ExotelSmsStatusFunction dynamodb:Query arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "ExotelSmsStatusFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:CallJobsQueue",
            "ExotelSmsStatusFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:UrgentCallJobsQueue",
            "ExotelSmsStatusFunction kms:GenerateDataKey arn:aws:kms:ap-south-1:000000000000:key/DataKey",
            "ExotelSmsStatusFunction kms:Decrypt arn:aws:kms:ap-south-1:000000000000:key/DataKey",
            "ExotelAckFunction dynamodb:GetItem arn:aws:dynamodb:ap-south-1:000000000000:table/DirectoryTable",
            "ExotelAckFunction dynamodb:DeleteItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "ExotelAckFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:CallJobsQueue",
            "ExotelAckFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:UrgentCallJobsQueue",
            "ExotelAckFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:TimersQueue",
            "ExotelSmsReplyFunction dynamodb:GetItem arn:aws:dynamodb:ap-south-1:000000000000:table/DirectoryTable",
            "ExotelSmsReplyFunction dynamodb:DeleteItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "ExotelSmsReplyFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:CallJobsQueue",
            "ExotelSmsReplyFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:UrgentCallJobsQueue",
            "ExotelSmsReplyFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:WhatsAppJobsQueue",
            "ExotelSmsReplyFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:TimersQueue",
            "GupShupInboundFunction dynamodb:GetItem arn:aws:dynamodb:ap-south-1:000000000000:table/DirectoryTable",
            "GupShupInboundFunction dynamodb:DeleteItem arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "GupShupInboundFunction dynamodb:Query arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "GupShupInboundFunction kms:GenerateDataKey arn:aws:kms:ap-south-1:000000000000:key/DataKey",
            "GupShupInboundFunction kms:Decrypt arn:aws:kms:ap-south-1:000000000000:key/DataKey",
            "GupShupInboundFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:CallJobsQueue",
            "GupShupInboundFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:UrgentCallJobsQueue",
            "GupShupInboundFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:SmsJobsQueue",
            "GupShupInboundFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:WhatsAppJobsQueue",
            "GupShupInboundFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:TimersQueue",
            "GupShupDeliveryFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:UrgentCallJobsQueue",
            "TimerFunction dynamodb:GetItem arn:aws:dynamodb:ap-south-1:000000000000:table/DirectoryTable",
            "TimerFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:TimersQueue",
            "TimerFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:CallJobsQueue",
            "TimerFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:UrgentCallJobsQueue",
            "TimerFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:SmsJobsQueue",
            "TimerFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:WhatsAppJobsQueue",
            "CallJobFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:CallJobsQueue",
            "CallJobFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:UrgentCallJobsQueue",
            "SmsJobFunction dynamodb:Query arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "SmsJobFunction kms:GenerateDataKey arn:aws:kms:ap-south-1:000000000000:key/DataKey",
            "SmsJobFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:CallJobsQueue",
            "SmsJobFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:UrgentCallJobsQueue",
            "WhatsAppJobFunction dynamodb:Query arn:aws:dynamodb:ap-south-1:000000000000:table/IncidentsTable",
            "WhatsAppJobFunction kms:GenerateDataKey arn:aws:kms:ap-south-1:000000000000:key/DataKey",
            "WhatsAppJobFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:CallJobsQueue",
            "WhatsAppJobFunction sqs:SendMessage arn:aws:sqs:ap-south-1:000000000000:UrgentCallJobsQueue"
    );

    private record Row(String action, String resource, PolicyStatement statement) {
    }

    /**
     * One row per action and resource of the function's own Policies. SQSPollerPolicy is the event source mapping's:
     * locally its ReceiveMessage is checked (deleting and visibility are Lambda's own, not the function's SDK calls).
     */
    private static List<Row> rows(RolePolicy role) {
        List<Row> rows = new ArrayList<>();
        for (PolicyStatement statement : role.fromPolicies()) {
            if (!statement.allow()) {
                continue;
            }
            boolean poller = statement.actions().contains("sqs:DeleteMessageBatch");
            // The local stack has no SSM: functions get parameter values through their environment, so no SSM call runs here.
            if (statement.actions().stream().allMatch(action -> action.startsWith("ssm:"))) {
                continue;
            }
            for (String action : statement.actions()) {
                if (poller && !action.equals("sqs:ReceiveMessage")) {
                    continue;
                }
                for (String resource : statement.resources()) {
                    rows.add(new Row(action.replace("*", ""), resource, statement));
                }
            }
        }
        return rows;
    }

    private static void record(TestInfo test) {
        sleep(Duration.ofSeconds(2));
        Set<GrantedRequests.Granted> granted = relay.stack().grantedRequests().all();
        granted.forEach(request -> COVERED.putIfAbsent(request, test.getTestMethod().orElseThrow().getName()));
    }

    private static Map<String, Long> callsTo() {
        return exotel.calls().stream().collect(java.util.stream.Collectors.groupingBy(SandboxExotel.PlacedCall::from,
                java.util.stream.Collectors.counting()));
    }

    private static boolean rungAgain(Map<String, Long> before, String... phones) {
        Map<String, Long> now = callsTo();
        return java.util.Arrays.stream(phones).allMatch(phone -> now.getOrDefault(phone, 0L) > before.getOrDefault(phone, 0L));
    }

    private static URI base() {
        return relay.stack().baseUrl();
    }

    private static Path event(String name) {
        return LocalTemplate.findTemplate().getParent().resolve("events").resolve(name);
    }

    private static HttpResponse<String> HTTP(HttpRequest request) {
        try {
            return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    private static HttpResponse<String> send(String method, String path, String apiKey, String token, String json) {
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
        return HTTP(request.build());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
