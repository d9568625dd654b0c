package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import sosrelay.calls.PlivoCalls;
import sosrelay.calls.VoiceProviders;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.DeliveryStates;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalApiKeys;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.iam.RequestHooks;
import sosrelay.local.sandbox.SandboxExotel;
import sosrelay.local.sandbox.SandboxGupShup;
import sosrelay.local.sandbox.SandboxPlivo;
import sosrelay.plivo.PlivoSignature;
import sosrelay.table.TableKeys;
import sosrelay.web.FormEncoding;
import sosrelay.wiring.SettingsCheck;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;

/**
 * Issue 21, item 2, for the workers, the timers, the providers' reports and the replies
 * ({@link PermissionCoverage#DELIVERIES}): every operation their own Policies grant runs under IAM enforcement here,
 * and none is refused; the last test prints the table and fails on any row no scenario exercised.
 * <p>
 * A report that races its provider id's recording is driven on each side on purpose, never left to timing
 * ({@code LocalStack.requestHooks()}): the worker held just before it records the id until the provider's report is
 * kept, so the worker applies it; or the id recorded, by the test with the worker's own store, just as the report's
 * function keeps it, so that function finds it on its second look and takes the kept report back. The voice budget's
 * provider hold is pre-seeded, so the call worker puts its jobs back on their queues. The stack runs with
 * {@code VOICE_PROVIDERS=exotel,plivo} (a sandbox Plivo): Plivo's webhooks are covered while Exotel refuses every call.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PermissionCoverageDeliveriesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Path directory;
    private static LocalRelay relay;
    private static SandboxExotel exotel;
    private static SandboxGupShup gupShup;
    private static SandboxPlivo plivo;
    private static PermissionCoverage coverage;
    private static final List<Throwable> HOOK_FAILURES = new CopyOnWriteArrayList<>();
    /** The incidents of {@link #aTextThatFailsBeforeItsIdIsRecordedFallsBackToACallFromItsWorker}: Texts, TextsUrgent. */
    private static String texts;
    private static String textsUrgent;

    @BeforeAll
    static void start() throws IOException {
        directory = Files.createTempFile("permission-coverage-deliveries", ".yaml");
        Files.writeString(directory, """
                defaultType: General
                people:
                  - {id: p1, name: P One, phone: "+919814000001", channels: [call, sms, whatsapp]}
                  - {id: p2, name: P Two, phone: "+919814000002", channels: [call, sms, whatsapp]}
                  - {id: p3, name: P Three, phone: "+919814000003", channels: [call]}
                  - {id: d1, name: D One, phone: "+919815000001", channels: [call, sms, whatsapp]}
                  - {id: d2, name: D Two, phone: "+919815000002", channels: [call]}
                  - {id: u1, name: U One, phone: "+919815000003", channels: [call]}
                  - {id: u2, name: U Two, phone: "+919815000004", channels: [call]}
                  - {id: e1, name: E One, phone: "+919816000001", channels: [call]}
                  - {id: e2, name: E Two, phone: "+919816000002", channels: [call, sms, whatsapp]}
                  - {id: e3, name: E Three, phone: "+919816000003", channels: [call]}
                  - {id: e4, name: E Four, phone: "+919816000004", channels: [call]}
                  - {id: f1, name: F One, phone: "+919817000001", channels: [sms, whatsapp], language: hi}
                  - {id: f2, name: F Two, phone: "+919817000002", channels: [sms, whatsapp], language: hi}
                  - {id: c1, name: C One, phone: "+919817000003", channels: [sms]}
                  - {id: w1, name: W One, phone: "+919818000001", channels: [sms, whatsapp]}
                  - {id: w2, name: W Two, phone: "+919818000002", channels: [sms, whatsapp]}
                  - {id: q1, name: Q One, phone: "+919819000001", channels: [call]}
                  - {id: q2, name: Q Two, phone: "+919819000002", channels: [call]}
                  - {id: x1, name: X One, phone: "+919819000011", channels: [call, sms, whatsapp]}
                  - {id: x2, name: X Two, phone: "+919819000012", channels: [call]}
                  - {id: y1, name: Y One, phone: "+919819000021", channels: [call, sms, whatsapp]}
                  - {id: y2, name: Y Two, phone: "+919819000022", channels: [call]}
                  - {id: y3, name: Y Three, phone: "+919819000023", channels: [call]}
                  - {id: y4, name: Y Four, phone: "+919819000024", channels: [call]}
                  - {id: k1, name: K One, phone: "+919819000031", channels: [sms]}
                rosters:
                  day-cover:
                    rotations:
                      - {people: [d2], shift: 1d, start: "2026-11-01T00:00:00+05:30"}
                  escalation-cover:
                    rotations:
                      - {people: [e2], shift: 1d, start: "2026-11-01T00:00:00+05:30"}
                  plivo-cover:
                    rotations:
                      - {people: [y2], shift: 1d, start: "2026-11-01T00:00:00+05:30"}
                types:
                  General:
                    retry: {attempts: 1, after: 1s}
                    tiers:
                      - {notify: [p1, p2], escalateAfter: 3s}
                      - {notify: [p3]}
                  Urgent:
                    priority: high
                    tiers:
                      - {notify: [p3], escalateAfter: 1h}
                  Decline:
                    tiers:
                      - {notify: [d1], escalateAfter: 1h}
                      - {notify: [day-cover], escalateAfter: 1h}
                  DeclineUrgent:
                    priority: high
                    tiers:
                      - {notify: [u1], escalateAfter: 1h}
                      - {notify: [u2], escalateAfter: 1h}
                  Escalating:
                    retry: {attempts: 2, after: 1s}
                    tiers:
                      - {notify: [e1], escalateAfter: 2s}
                      - {notify: [escalation-cover], escalateAfter: 1h}
                  EscalatingUrgent:
                    priority: high
                    retry: {attempts: 1, after: 1s}
                    tiers:
                      - {notify: [e3], escalateAfter: 2s}
                      - {notify: [e4], escalateAfter: 1h}
                  Texts:
                    retry: {attempts: 3, after: 1s}
                    tiers:
                      - {notify: [f1, c1], escalateAfter: 1h}
                  TextsUrgent:
                    priority: high
                    tiers:
                      - {notify: [f2], escalateAfter: 1h}
                  Replies:
                    tiers:
                      - {notify: [w1, w2], escalateAfter: 1h}
                  Paced:
                    tiers:
                      - {notify: [q1], escalateAfter: 1h}
                  PacedUrgent:
                    priority: high
                    tiers:
                      - {notify: [q2], escalateAfter: 1h}
                  Flaky:
                    retry: {attempts: 2, after: 1s}
                    tiers:
                      - {notify: [x1], escalateAfter: 1h}
                  FlakyUrgent:
                    priority: high
                    tiers:
                      - {notify: [x2], escalateAfter: 1h}
                  Kept:
                    retry: {attempts: 2, after: 1s}
                    tiers:
                      - {notify: [k1], escalateAfter: 1h}
                  PlivoDecline:
                    tiers:
                      - {notify: [y1], escalateAfter: 1h}
                      - {notify: [plivo-cover], escalateAfter: 1h}
                  PlivoDeclineUrgent:
                    priority: high
                    retry: {attempts: 2, after: 1s}
                    tiers:
                      - {notify: [y3], escalateAfter: 1h}
                      - {notify: [y4], escalateAfter: 1h}
                devices:
                  - {keyId: %s, name: coverage-panel, types: [General, Urgent, Decline, DeclineUrgent, Escalating, EscalatingUrgent, Texts, TextsUrgent, Replies, Paced, PacedUrgent, Flaky, FlakyUrgent, Kept, PlivoDecline, PlivoDeclineUrgent]}
                """.formatted(LocalApiKeys.idOf(LocalRelay.LOCAL_API_KEY)));
        relay = LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withContactsFile(directory)
                        .withEnvironmentOverrides(Map.of("SOS_LOCAL_SSM", "on", "VOICE_PROVIDERS", "exotel,plivo", "DIRECTORY_CACHE_SECONDS", "0",
                                "EXOTEL_SMS_REPLY_NUMBER", "08047000001",
                                "GUPSHUP_INBOUND", "on", "DEVICE_OPEN_INCIDENT_LIMIT", "100", "DEVICE_HOURLY_RAISE_LIMIT", "100",
                                // A job the voice budget holds back for more than a second goes back on its queue.
                                "PACING_MAX_WAIT_SECONDS", "1",
                                // A failed job is looked at again after a second.
                                "RETRY_BACKOFF_SECONDS", "1")),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()));
        exotel = relay.sandbox().orElseThrow();
        gupShup = relay.sandboxGupShup().orElseThrow();
        plivo = relay.sandboxPlivo().orElseThrow();
        coverage = new PermissionCoverage(relay, PermissionCoverage.DELIVERIES);
    }

    @AfterAll
    static void stop() throws IOException {
        relay.close();
        Files.deleteIfExists(directory);
    }

    @Test
    @Order(1)
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
        // The caller's voicemail, copied into the recordings bucket by the timer.
        coverage.awaitGranted("TimerFunction", "s3:PutObject", "recordingsbucket/recordings/" + incident + "/");
        coverage.awaitGranted("CallJobFunction", "sqs:ReceiveMessage", ":UrgentCallJobsQueue");
        record(test);
    }

    /**
     * A decline (press 2) that leaves the tier short brings in the next at once, from the keypress's function: a roster
     * read from the directory, a call (urgent for a high-priority type), its deadline; the next tier's press 1
     * acknowledges the device's incident, gives its open-incident slot back and stands down the one who declined.
     */
    @Test
    @Order(2)
    void aDeclineBringsInTheNextTierWhoseAnswerFreesTheDevicesSlot(TestInfo test) {
        exotel.script("+919815000001", List.of("press-2"));
        exotel.script("+919815000003", List.of("press-2"));
        exotel.script("+919815000002", List.of("press-1"));
        deviceIncident("Decline", "decline-1");
        deviceIncident("DeclineUrgent", "decline-2");
        coverage.awaitGranted("ExotelAckFunction", "dynamodb:GetItem", "table/DirectoryTable");
        coverage.awaitGranted("ExotelAckFunction", "sqs:SendMessage", ":CallJobsQueue");
        coverage.awaitGranted("ExotelAckFunction", "sqs:SendMessage", ":UrgentCallJobsQueue");
        coverage.awaitGranted("ExotelAckFunction", "sqs:SendMessage", ":TimersQueue");
        coverage.awaitGranted("ExotelAckFunction", "dynamodb:DeleteItem", "table/IncidentsTable");
        // d1, who declined, is stood down on the channels a text reaches.
        coverage.awaitGranted("ExotelAckFunction", "sqs:SendMessage", ":SmsJobsQueue");
        coverage.awaitGranted("ExotelAckFunction", "sqs:SendMessage", ":WhatsAppJobsQueue");
        record(test);
    }

    /**
     * Nobody answers tier 1: the status callback schedules the retry, the timer places it (reading the roster the
     * incident names) and, when the tier's time is up, notifies the next tier on every channel and sets its deadline.
     */
    @Test
    @Order(3)
    void aTierWhoseTimeIsUpEscalatesAndAnUnansweredCallIsRetried(TestInfo test) {
        exotel.script("+919816000001", List.of("no-answer"));
        exotel.script("+919816000003", List.of("no-answer"));
        deviceIncident("Escalating", "escalating-1");
        deviceIncident("EscalatingUrgent", "escalating-2");
        coverage.awaitGranted("ExotelCallStatusFunction", "sqs:SendMessage", ":TimersQueue");
        coverage.awaitGranted("ExotelCallStatusFunction", "kms:GenerateDataKey", "key/DataKey");
        coverage.awaitGranted("TimerFunction", "dynamodb:GetItem", "table/DirectoryTable");
        for (String queue : List.of(":TimersQueue", ":CallJobsQueue", ":UrgentCallJobsQueue", ":SmsJobsQueue", ":WhatsAppJobsQueue")) {
            coverage.awaitGranted("TimerFunction", "sqs:SendMessage", queue);
        }
        record(test);
    }

    /**
     * A text the provider fails (DLT refuses the Hindi SMS template here; the sandbox GupShup fails f1's and f2's
     * WhatsApp) reported while its worker is held just before it records the provider's id: the report is kept, and
     * the worker applies it as it records the id, falling back to a call (urgent for a high-priority type). The call
     * worker does the same with f1's fallback call, whose busy report comes first.
     */
    @Test
    @Order(4)
    void aTextThatFailsBeforeItsIdIsRecordedFallsBackToACallFromItsWorker(TestInfo test) {
        exotel.registerDltTemplate(relay.stack().environment("SmsJobFunction").get("EXOTEL_DLT_TEMPLATE_ID_HI"),
                "A different registered text {#var#}");
        gupShup.script("+919817000001", SandboxGupShup.Fate.FAILED);
        gupShup.script("+919817000002", SandboxGupShup.Fate.FAILED);
        for (String person : List.of("f1", "f2")) {
            holdUntilTheReportIsKept("SmsJobFunction", person, Channel.SMS);
            holdUntilTheReportIsKept("WhatsAppJobFunction", person, Channel.WHATSAPP);
        }
        // f1's fallback call: a busy line's report (the sandbox ends it after 200 ms) is kept while the call worker is held.
        exotel.script("+919817000001", List.of("busy"));
        holdUntilTheReportIsKept("CallJobFunction", "f1", Channel.CALL);
        texts = deviceIncident("Texts", "texts-1");
        textsUrgent = deviceIncident("TextsUrgent", "texts-2");
        coverage.awaitGranted("CallJobFunction", "dynamodb:DeleteItem", "table/IncidentsTable");
        for (String worker : List.of("SmsJobFunction", "WhatsAppJobFunction")) {
            coverage.awaitGranted(worker, "sqs:SendMessage", ":CallJobsQueue");
            coverage.awaitGranted(worker, "sqs:SendMessage", ":UrgentCallJobsQueue");
            coverage.awaitGranted(worker, "dynamodb:Query", "table/IncidentsTable");
            coverage.awaitGranted(worker, "kms:GenerateDataKey", "key/DataKey");
        }
        assertThat(HOOK_FAILURES).isEmpty();
        record(test);
    }

    /**
     * A report that finds its delivery's send under way (claimed, no provider id yet) is kept; the id is recorded (by
     * the test, with the worker's own store) just as the report's function keeps it, so its second look finds the id
     * and it takes the kept report back itself: an unanswered call is retried, a failed text falls back to a call.
     */
    @Test
    @Order(5)
    void aReportKeptWhileItsIdIsRecordedIsTakenBackByItsOwnFunction(TestInfo test) {
        String callSid = providerId();
        assertThat(keptWhileRecorded("ExotelCallStatusFunction", new DeliveryJob(texts, "c1", "+919817000003", Channel.CALL, 1), callSid,
                () -> postForm("/exotel/local-webhook-secret/call-status", Map.of("CallSid", callSid, "Status", "no-answer",
                        "CustomField", texts + ":c1"))).body()).isEqualTo("recorded");
        for (String[] sms : List.of(new String[] {texts, "c1", "+919817000003", "normal"},
                new String[] {textsUrgent, "f2", "+919817000002", "high"})) {
            String smsSid = providerId();
            assertThat(keptWhileRecorded("ExotelSmsStatusFunction", job(sms, Channel.SMS), smsSid,
                    () -> postForm("/exotel/local-webhook-secret/sms-status", Map.of("SmsSid", smsSid, "Status", "failed",
                            "DetailedStatus", "FAILED_DND", "CustomField", sms[0] + ":" + sms[1]))).body()).isEqualTo("recorded");
            String messageId = UUID.randomUUID().toString();
            assertThat(keptWhileRecorded("GupShupDeliveryFunction", job(sms, Channel.WHATSAPP), messageId,
                    () -> postJson("/gupshup/local-gupshup-secret/delivery", List.of(Map.of("externalId", messageId, "eventType", "FAILED",
                            "destAddr", sms[2].substring(1), "cause", "Message undeliverable", "errCode", "131026", "channel", "WHATSAPP"))))
                    .statusCode()).isEqualTo(200);
        }
        for (String function : List.of("ExotelCallStatusFunction", "ExotelSmsStatusFunction", "GupShupDeliveryFunction")) {
            coverage.awaitGranted(function, "dynamodb:DeleteItem", "table/IncidentsTable");
        }
        for (String function : List.of("ExotelSmsStatusFunction", "GupShupDeliveryFunction")) {
            coverage.awaitGranted(function, "sqs:SendMessage", ":CallJobsQueue");
            coverage.awaitGranted(function, "sqs:SendMessage", ":UrgentCallJobsQueue");
            coverage.awaitGranted(function, "dynamodb:Query", "table/IncidentsTable");
        }
        record(test);
    }

    /**
     * A code replied on WhatsApp, and another by SMS, each acknowledges a device's incident: its open-incident slot is
     * given back, and the other person is stood down by SMS and WhatsApp.
     */
    @Test
    @Order(6)
    void aCodeRepliedOnWhatsAppOrBySmsAcknowledgesADevicesIncident(TestInfo test) {
        String byWhatsApp = deviceIncident("Replies", "replies-1");
        LocalHttp.await("w1's WhatsApp", WAIT, () -> whatsAppTo("919818000001", byWhatsApp).isPresent());
        assertThat(gupShup.reply("+919818000001", whatsAppTo("919818000001", byWhatsApp).orElseThrow()
                .replaceAll("(?s).*Reply ([0-9]{6}) to this message.*", "$1"))).isEqualTo(200);
        coverage.awaitGranted("GupShupInboundFunction", "dynamodb:DeleteItem", "table/IncidentsTable");
        for (String queue : List.of(":SmsJobsQueue", ":WhatsAppJobsQueue")) {
            coverage.awaitGranted("GupShupInboundFunction", "sqs:SendMessage", queue);
        }

        String bySms = deviceIncident("Replies", "replies-2");
        LocalHttp.await("w1's SMS", WAIT, () -> smsTo("+919818000001", bySms).isPresent());
        String code = smsTo("+919818000001", bySms).orElseThrow().replaceAll("(?s).*Reply ([0-9]{6}) to .*", "$1");
        assertThat(LocalHttp.get(base(), "/exotel/local-webhook-secret/sms-reply", Map.of("From", "09818000001", "Body", code)).body())
                .isEqualTo("Acknowledged. Thank you.");
        coverage.awaitGranted("ExotelSmsReplyFunction", "dynamodb:DeleteItem", "table/IncidentsTable");
        coverage.awaitGranted("ExotelSmsReplyFunction", "sqs:SendMessage", ":WhatsAppJobsQueue");
        record(test);
    }

    /**
     * Exotel and Plivo asked everyone to wait (each budget's provider hold, pre-seeded for 5 s; with only Exotel's held,
     * the calls rightly go out through Plivo at once): a call job that would wait longer than PACING_MAX_WAIT_SECONDS goes
     * back on its own queue, urgent or not, delayed, and is placed after.
     */
    @Test
    @Order(7)
    void aCallTheVoiceBudgetHoldsBackGoesBackOnItsQueue(TestInfo test) throws InterruptedException {
        long until = System.currentTimeMillis() + 5_000;
        for (String budget : List.of("exotel-calls", "plivo-calls")) {
            relay.stack().dynamoDb().putItem(p -> p.tableName(incidentsTable()).item(Map.of(
                    "pk", AttributeValue.fromS(TableKeys.budget(budget)), "sk", AttributeValue.fromS(TableKeys.HOLD),
                    "holdUntil", AttributeValue.fromN(Long.toString(until)))));
        }
        // Every worker's view of the budget is read again after a second: none takes a send without seeing the hold.
        Thread.sleep(1_200);
        deviceIncident("Paced", "paced-1");
        deviceIncident("PacedUrgent", "paced-2");
        coverage.awaitGranted("CallJobFunction", "sqs:SendMessage", ":CallJobsQueue");
        coverage.awaitGranted("CallJobFunction", "sqs:SendMessage", ":UrgentCallJobsQueue");
        LocalHttp.await("q1's and q2's calls, after the hold", WAIT, () -> exotel.calls().stream().map(SandboxExotel.PlacedCall::from)
                .filter(from -> from.equals("+919819000001") || from.equals("+919819000002")).distinct().count() == 2);
        record(test);
    }

    /**
     * A job that fails (here a request refused on purpose: the claim of x1's call, text and WhatsApp and of x2's urgent
     * call; the queueing of x1's retry from its timer) is looked at again after its backoff: its worker shortens the
     * message's visibility on the queue it came from, rather than leave it to the queue's visibility timeout.
     */
    @Test
    @Order(8)
    void aJobThatFailsIsLookedAtAgainAfterItsBackoff(TestInfo test) {
        exotel.script("+919819000011", List.of("no-answer"));
        failOnce("CallJobFunction", "x1", Channel.CALL);
        failOnce("CallJobFunction", "x2", Channel.CALL);
        failOnce("SmsJobFunction", "x1", Channel.SMS);
        failOnce("WhatsAppJobFunction", "x1", Channel.WHATSAPP);
        // The retry the call's no-answer schedules: its timer fails to queue the second attempt, the first time.
        relay.stack().requestHooks().once(request -> request.function().equals("TimerFunction")
                && request.request() instanceof SendMessageBatchRequest batch
                && batch.entries().stream().anyMatch(e -> Json.readObject(e.messageBody()).get("personId").equals("x1")), request -> {
                    throw injected(request);
                });
        deviceIncident("Flaky", "flaky-1");
        deviceIncident("FlakyUrgent", "flaky-2");
        coverage.awaitGranted("CallJobFunction", "sqs:ChangeMessageVisibility", ":CallJobsQueue");
        coverage.awaitGranted("CallJobFunction", "sqs:ChangeMessageVisibility", ":UrgentCallJobsQueue");
        coverage.awaitGranted("SmsJobFunction", "sqs:ChangeMessageVisibility", ":SmsJobsQueue");
        coverage.awaitGranted("WhatsAppJobFunction", "sqs:ChangeMessageVisibility", ":WhatsAppJobsQueue");
        coverage.awaitGranted("TimerFunction", "sqs:ChangeMessageVisibility", ":TimersQueue");
        LocalHttp.await("x1's retry, queued the second time its timer came", WAIT,
                () -> exotel.calls().stream().filter(c -> c.from().equals("+919819000011")).count() == 2);
        record(test);
    }

    /**
     * Plivo's hangup for a call whose send is under way (claimed, no RequestUUID recorded yet) is kept; the RequestUUID
     * is recorded (by the test, with the worker's own store) just as the hangup's function keeps it, so its second look
     * finds it and it takes the kept report back itself: the unanswered call is retried.
     */
    @Test
    @Order(9)
    void aPlivoHangupKeptWhileItsRequestIsRecordedIsTakenBackByItsOwnFunction(TestInfo test) {
        String kept = deviceIncident("Kept", "kept-1");
        String requestUuid = UUID.randomUUID().toString();
        assertThat(keptWhileRecorded("PlivoHangupFunction", new DeliveryJob(kept, "k1", "+919819000031", Channel.CALL, 1),
                VoiceProviders.storedId(PlivoCalls.NAME, requestUuid), () -> plivoHangup(kept + ":k1", requestUuid, "no-answer"))
                .body()).isEqualTo("recorded");
        coverage.awaitGranted("PlivoHangupFunction", "dynamodb:DeleteItem", "table/IncidentsTable");
        coverage.awaitGranted("PlivoHangupFunction", "sqs:SendMessage", ":TimersQueue");
        record(test);
    }

    /**
     * Exotel refuses every call (503, as when it is down): the call worker places them through Plivo, the next provider
     * of VOICE_PROVIDERS. Plivo's answer URL plays our copy of a recording through a URL it signs (read with its rights:
     * s3:GetObject, kms:Decrypt); a press 2 that leaves the tier short brings in the next from Plivo's GetInput action
     * (a roster read from the directory, a call, urgent for a high-priority type, its deadline); the next tier's press 1
     * acknowledges the device's incident, gives its slot back and stands down the one who declined (SMS, WhatsApp); an
     * unanswered call's hangup schedules its retry. Last but the warm-up: for half a minute after, the call worker's
     * view of Exotel's health keeps sending calls to Plivo.
     */
    @Test
    @Order(10)
    void withExotelRefusingCallsTheyGoThroughPlivoWithADeclineAKeypressAndAnUnansweredCall(TestInfo test) {
        plivo.script("+919819000021", List.of("press-2"));
        plivo.script("+919819000022", List.of("press-1"));
        plivo.script("+919819000023", List.of("press-2"));
        plivo.script("+919819000024", List.of("no-answer"));
        exotel.failSome(1.0, 0, Duration.ZERO, 1);
        try {
            String urgent = deviceIncident("PlivoDeclineUrgent", "plivo-decline-2");
            String copy = "recordings/" + urgent + "/8khz-mono.wav";
            String bucket = relay.stack().environment("PlivoAnswerFunction").get("RECORDINGS_BUCKET");
            HttpResponse<String> raised = LocalHttp.postJson(base(), "/v1/incidents", LocalRelay.LOCAL_API_KEY, Json.write(Map.of(
                    "type", "PlivoDecline", "message", "Coverage", "dedupKey", "plivo-decline-1", "recordingUrl", "s3://" + bucket + "/" + copy)));
            assertThat(raised.statusCode()).as(raised.body()).isEqualTo(202);
            coverage.awaitGranted("PlivoAnswerFunction", "s3:GetObject", bucket + "/" + copy);
            coverage.awaitGranted("PlivoAnswerFunction", "kms:Decrypt", "key/DataKey");
            coverage.awaitGranted("PlivoInputFunction", "dynamodb:GetItem", "table/DirectoryTable");
            for (String queue : List.of(":CallJobsQueue", ":UrgentCallJobsQueue", ":TimersQueue", ":SmsJobsQueue", ":WhatsAppJobsQueue")) {
                coverage.awaitGranted("PlivoInputFunction", "sqs:SendMessage", queue);
            }
            coverage.awaitGranted("PlivoInputFunction", "dynamodb:DeleteItem", "table/IncidentsTable");
            // y4's hangup (no answer) schedules the retry, which the timer queues and the call worker places through Plivo.
            LocalHttp.await("y1 to y4 rung through Plivo only, y4 again", WAIT, () -> plivo.calls().stream().map(SandboxPlivo.PlacedCall::to)
                    .filter(to -> to.matches("9198190000(21|22|23)")).distinct().count() == 3
                    && plivo.calls().stream().filter(c -> c.to().equals("919819000024")).count() == 2
                    && exotel.calls().stream().noneMatch(c -> c.from().matches("\\+9198190000(21|22|23|24)")));
        } finally {
            exotel.failSome(0, 0, Duration.ZERO, 1);
        }
        record(test);
    }

    /**
     * Lambda runs each function's warm-up before the SnapStart snapshot, with the function's role: a read of an
     * incident that cannot exist, an empty batch to the call queue where the function built its SQS client.
     */
    @Test
    @Order(11)
    void snapStartPrimesEveryFunctionWithItsRole(TestInfo test) {
        assertThat(relay.stack().primeSnapStart()).containsAll(PermissionCoverage.DELIVERIES);
        record(test);
    }

    /**
     * tools/doctor's settings check (docs/deploy.md, step 8): each function reads every parameter its settings name from
     * the local Parameter Store with its own role, the timer function's webhook secret among them, which no timer reads.
     */
    @Test
    @Order(12)
    void theDoctorsSettingsCheckReadsEachFunctionsParametersWithItsRole(TestInfo test) throws IOException {
        Path payload = Files.writeString(Files.createTempFile("settings-check", ".json"), SettingsCheck.PAYLOAD);
        for (String function : PermissionCoverage.DELIVERIES) {
            HttpResponse<String> answer = LocalHttp.invoke(relay.stack().baseUrl(), function, payload);
            assertThat(answer.statusCode()).as(function).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Amz-Function-Error")).as(function + ": " + answer.body()).isEmpty();
        }
        coverage.awaitGranted("TimerFunction", "ssm:GetParameter", "parameter/sos-relay/webhook-secret");
        record(test);
    }

    @Test
    @Order(100)
    void everyOperationTheRolesGrantRanUnderEnforcementAndNoneWasRefused() {
        LocalHttp.await("the queues to drain", WAIT, () -> LocalHttp.callQueuesEmpty(relay));
        coverage.assertEveryRowCovered();
    }

    private static void record(TestInfo test) {
        coverage.record(test.getTestMethod().orElseThrow().getName());
    }

    /**
     * Holds {@code worker} just before it records the provider's id of {@code person}'s text on {@code channel} (the
     * delivery's move to accepted), until the provider's failed report has been kept for that id.
     */
    private static void holdUntilTheReportIsKept(String worker, String person, Channel channel) {
        String delivery = TableKeys.delivery(person, channel.id());
        relay.stack().requestHooks().once(request -> request.function().equals(worker) && acceptance(request.request(), delivery) != null,
                request -> {
                    String providerId = acceptance(request.request(), delivery).expressionAttributeValues().get(":value").s();
                    try {
                        LocalHttp.await(person + "'s failed " + channel.id() + " report to be kept", WAIT,
                                () -> keptRank(providerId) == DeliveryStates.FINAL);
                    } catch (AssertionError | RuntimeException e) {
                        HOOK_FAILURES.add(e);
                        throw e;
                    }
                });
    }

    /** The worker's record that the provider took {@code delivery} (in its acceptance transaction), or null. */
    private static Update acceptance(Object request, String delivery) {
        if (!(request instanceof TransactWriteItemsRequest transaction)) {
            return null;
        }
        return transaction.transactItems().stream().map(TransactWriteItem::update).filter(Objects::nonNull)
                .filter(update -> update.key().get("sk").s().equals(delivery) && update.hasExpressionAttributeValues()
                        && update.expressionAttributeValues().containsKey(":state")
                        && DeliveryStates.ACCEPTED.equals(update.expressionAttributeValues().get(":state").s()))
                .findFirst().orElse(null);
    }

    /** Fails {@code worker}'s first claim of {@code person}'s delivery on {@code channel}, as a DynamoDB error would. */
    private static void failOnce(String worker, String person, Channel channel) {
        String delivery = TableKeys.delivery(person, channel.id());
        relay.stack().requestHooks().once(request -> request.function().equals(worker) && claims(request.request(), delivery), request -> {
            throw injected(request);
        });
    }

    /** A claim of {@code delivery}: alone, or in one transaction with the provider budget's send. */
    private static boolean claims(Object request, String delivery) {
        if (request instanceof UpdateItemRequest update) {
            return update.key().get("sk").s().equals(delivery);
        }
        return request instanceof TransactWriteItemsRequest transaction && transaction.transactItems().stream()
                .map(TransactWriteItem::update).filter(Objects::nonNull).anyMatch(update -> update.key().get("sk").s().equals(delivery));
    }

    private static RuntimeException injected(RequestHooks.Request request) {
        return new IllegalStateException("refused on purpose by the test: " + request.function() + " " + request.operation());
    }

    /** The rank of the state kept for a provider id not recorded yet (PendingReports), or -1. */
    private static int keptRank(String providerId) {
        Map<String, AttributeValue> item = relay.stack().dynamoDb().getItem(g -> g.tableName(incidentsTable()).consistentRead(true)
                .key(TableKeys.pendingReport(providerId))).item();
        return item == null || !item.containsKey("stateRank") ? -1 : Integer.parseInt(item.get("stateRank").n());
    }

    /**
     * Claims {@code job}'s delivery as its worker would (a send under way), and records {@code providerId} for it (as
     * the worker does once the provider took it) just before {@code function} keeps the report {@code report} posts.
     */
    private static HttpResponse<String> keptWhileRecorded(String function, DeliveryJob job, String providerId,
                                                          java.util.function.Supplier<HttpResponse<String>> report) {
        DeliveryStore store = new DeliveryStore(relay.stack().dynamoDb(), incidentsTable(), Clock.systemUTC(), Duration.ofSeconds(60));
        assertThat(store.claim(job)).isInstanceOf(DeliveryStore.Claim.Granted.class);
        String pending = TableKeys.pendingReport(providerId).get("pk").s();
        relay.stack().requestHooks().once(request -> request.function().equals(function) && request.request() instanceof PutItemRequest put
                && put.item().get("pk").s().equals(pending), request -> store.accepted(job, providerId));
        return report.get();
    }

    /** {incident, person, phone, priority}: a later attempt than any the workers make, so the claim is the test's. */
    private static DeliveryJob job(String[] delivery, Channel channel) {
        return new DeliveryJob(delivery[0], delivery[1], delivery[2], channel, 7, null, Priority.parse(delivery[3]), null);
    }

    /** Plivo's hangup URL for the delivery {@code ref}, posted and signed as Plivo does (the sandbox account's token). */
    private static HttpResponse<String> plivoHangup(String ref, String requestUuid, String status) {
        String url = base() + "/plivo/" + LocalRelay.LOCAL_SECRET + "/hangup";
        Map<String, String> form = Map.of("CallUUID", UUID.randomUUID().toString(), "RequestUUID", requestUuid, "Direction", "outbound",
                "CallStatus", status, "Event", "Hangup", "HangupCause", "NO_ANSWER");
        String nonce = Long.toString(System.nanoTime());
        return LocalHttp.send(HttpRequest.newBuilder(URI.create(url + "?ref=" + ref)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Plivo-Signature-V3", PlivoSignature.sign("POST", url, Map.of("ref", ref), form, nonce, SandboxPlivo.AUTH_TOKEN))
                .header("X-Plivo-Signature-V3-Nonce", nonce).POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form))).build());
    }

    private static String providerId() {
        return "cov" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String deviceIncident(String type, String dedupKey) {
        HttpResponse<String> response = LocalHttp.postJson(base(), "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                Json.write(Map.of("type", type, "message", "Coverage", "dedupKey", dedupKey)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return (String) Json.readObject(response.body()).get("incidentId");
    }

    private static Optional<String> whatsAppTo(String number, String incident) {
        return gupShup.messages().stream().filter(m -> m.sendTo().equals(number) && m.msg().contains(incident))
                .map(SandboxGupShup.SentWhatsApp::msg).findFirst();
    }

    private static Optional<String> smsTo(String number, String incident) {
        return exotel.smsMessages().stream().filter(m -> m.to().equals(number) && m.body().contains(incident))
                .map(SandboxExotel.SentSms::body).findFirst();
    }

    private static String incidentsTable() {
        return relay.stack().resources().tableName("IncidentsTable").orElseThrow();
    }

    private static URI base() {
        return relay.stack().baseUrl();
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> form) {
        return LocalHttp.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form))).build());
    }

    private static HttpResponse<String> postJson(String path, Object json) {
        return LocalHttp.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(json))).build());
    }
}
