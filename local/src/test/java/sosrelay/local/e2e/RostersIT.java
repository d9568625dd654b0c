package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Issue 13's "done when" through the local stack's HTTP port and the sandbox Exotel: a roster rings
 * whoever is on duty now (and an override's person instead), a roster with nobody on duty hands over
 * at once, pressing 2 brings in the next tier within seconds, the reporter hears who is coming and
 * the others are stood down, a type that keeps going unanswered repeats and then calls the reporter,
 * a maintenance window silences a device's normal-priority raise (paging the operators) but never a Passthru, a raise
 * that rings nobody answers the Passthru 302, and GET /v1/incidents lists them. Every tier's escalateAfter
 * is an hour unless the scenario needs it to pass, so anything that happens in seconds happened
 * because of what the test did.
 */
class RostersIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String IST = "+05:30";
    private static LocalRelay relay;
    private static SandboxExotel exotel;
    private static Path directory;

    @BeforeAll
    static void start() throws IOException {
        // The rotation's first shift began an hour ago: dr-rao's turn for the next eleven hours.
        String shiftStart = OffsetDateTime.now(ZoneOffset.of(IST)).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        // A night-cover roster whose only hours are two to three hours from now: nobody on duty now.
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.of(IST)).plusHours(2);
        String hours = String.format("%02d:00-%02d:00", later.getHour(), (later.getHour() + 1) % 24);
        directory = Files.createTempFile("rosters-it", ".yaml");
        Files.writeString(directory, """
                defaultType: General
                people:
                  - {id: dr-rao, name: Dr. Rao, phone: "+919811000001"}
                  - {id: dr-iyer, name: Dr. Iyer, phone: "+919811000002"}
                  - {id: dr-khan, name: Dr. Khan, phone: "+919811000003"}
                  - {id: nurse-station, name: Nurse station, phone: "+919811000004"}
                  - {id: duty-manager, name: Duty manager, phone: "+919811000005"}
                  - {id: neuro-1, name: Dr. Das, phone: "+919811000006"}
                  - {id: icu-desk, name: ICU desk, phone: "+919811000007"}
                  - {id: lungs-1, name: Dr. Shah, phone: "+919811000011"}
                  - {id: lungs-2, name: RT desk, phone: "+919811000012"}
                  - {id: lungs-backup, name: Dr. Bose, phone: "+919811000013"}
                  - {id: fire-1, name: Guard One, phone: "+919811000021"}
                  - {id: fire-2, name: Guard Two, phone: "+919811000022"}
                  - {id: fire-3, name: Guard Three, phone: "+919811000023", channels: [call, sms]}
                  - {id: it-1, name: IT on-call, phone: "+919811000031"}
                  - {id: drill-desk, name: Drill desk, phone: "+919811000041"}
                rosters:
                  cardio-on-call:
                    timeZone: Asia/Kolkata
                    rotations:
                      - {people: [dr-rao, dr-iyer, dr-khan], shift: 12h, start: "%s"}
                  night-cover:
                    rotations:
                      - {people: [neuro-1], shift: 1d, start: "2026-01-01T00:00:00+05:30", hours: "%s"}
                types:
                  Heart:
                    priority: high
                    tiers:
                      - {notify: [cardio-on-call, nurse-station], escalateAfter: 1h}
                  Brain:
                    tiers:
                      - {notify: [night-cover], escalateAfter: 1h}
                      - {notify: [icu-desk], escalateAfter: 1h}
                  Neuro:
                    tiers:
                      - {notify: [night-cover], escalateAfter: 1h}
                  Lungs:
                    tiers:
                      - {notify: [lungs-1, lungs-2], escalateAfter: 1h, required: 2}
                      - {notify: [lungs-backup], escalateAfter: 1h}
                  Fire:
                    tiers:
                      - {notify: [fire-1, fire-2, fire-3], escalateAfter: 1h, required: 2}
                  Server:
                    repeat: 1
                    retry: {attempts: 1}
                    tiers:
                      - {notify: [it-1], escalateAfter: 2s}
                  Drill:
                    tiers:
                      - {notify: [drill-desk], escalateAfter: 1h}
                  General:
                    tiers:
                      - {notify: [duty-manager], escalateAfter: 1h}
                devices:
                  - {keyId: %s, name: operator-desk, types: [Server, Drill, General], reportTo: ["+919811000098"]}
                """.formatted(shiftStart, hours, sosrelay.local.backends.LocalApiKeys.idOf(LocalRelay.LOCAL_OPERATOR_KEY)));
        Map<String, String> environment = new HashMap<>();
        // Every function reads the directory afresh: an override takes effect at once instead of within 30 s.
        environment.put("DIRECTORY_CACHE_SECONDS", "0");
        relay = LocalRelay.start(LocalHttp.madeUpCallSids(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withContactsFile(directory)
                .withEnvironmentOverrides(environment)), Map.of(), new PrintStream(PrintStream.nullOutputStream()));
        exotel = relay.sandbox().orElseThrow();
        exotel.script("+919811000011", List.of("press-2"));
        exotel.script("+919811000021", List.of("press-1"));
        exotel.script("+919811000022", List.of("press-1"));
    }

    @AfterAll
    static void stop() throws IOException {
        relay.close();
        Files.deleteIfExists(directory);
    }

    @Test
    void aRotationWhoseShiftIsDrRaosRingsDrRaoAndNotTheOthers() {
        String id = passthru("rosters-rotation-1", "Heart", "09811000099");

        LocalHttp.await("dr-rao's and the nurse station's calls", WAIT, () -> called(id).size() == 2);
        pause();

        assertThat(called(id)).containsExactlyInAnyOrder("+919811000001", "+919811000004");
        assertThat(timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "notified").containsEntry("jobs", "2"));
    }

    @Test
    void anOverrideCoveringNowRingsItsPersonInsteadUntilItIsRemoved() {
        String now = OffsetDateTime.now(ZoneOffset.of(IST)).truncatedTo(ChronoUnit.SECONDS).toString();
        String inAnHour = OffsetDateTime.now(ZoneOffset.of(IST)).plusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> added = send("POST", "/v1/rosters/cardio-on-call/overrides",
                "{\"person\":\"dr-khan\",\"from\":\"" + now + "\",\"to\":\"" + inAnHour + "\",\"reason\":\"swap with dr-rao\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        String overrideId = (String) Json.readObject(added.body()).get("id");
        try {
            assertThat(onDuty("cardio-on-call")).containsExactly("dr-khan");
            String id = passthru("rosters-override-1", "Heart", "09811000099");
            LocalHttp.await("dr-khan's and the nurse station's calls", WAIT, () -> called(id).size() == 2);
            pause();
            assertThat(called(id)).containsExactlyInAnyOrder("+919811000003", "+919811000004");
        } finally {
            assertThat(send("DELETE", "/v1/rosters/cardio-on-call/overrides/" + overrideId, null).statusCode()).isEqualTo(200);
        }
        assertThat(onDuty("cardio-on-call")).containsExactly("dr-rao");
    }

    @Test
    void overridesAreCheckedAndUnknownRostersAnswer404() {
        assertThat(send("POST", "/v1/maintenance", "{\"types\":[\"Heart\"],\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2036-01-01T00:00:00Z\"}",
                LocalRelay.LOCAL_API_KEY).statusCode()).as("a device key may not silence a type").isEqualTo(403);
        assertThat(send("POST", "/v1/rosters/cardio-on-call/overrides", "{\"person\":\"dr-khan\"}", LocalRelay.LOCAL_API_KEY).statusCode())
                .as("nor move a roster").isEqualTo(403);
        HttpResponse<String> bad = send("POST", "/v1/rosters/cardio-on-call/overrides",
                "{\"person\":\"dr-nobody\",\"from\":\"2026-11-26T08:00:00+05:30\",\"to\":\"2026-11-25T08:00:00+05:30\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown person id 'dr-nobody'", "from must be before to");
        assertThat(send("POST", "/v1/rosters/no-such/overrides", "{\"person\":\"dr-rao\"}").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/v1/rosters/cardio-on-call/on-duty?at=yesterday", null).statusCode()).isEqualTo(400);
        assertThat(send("DELETE", "/v1/rosters/cardio-on-call/overrides/ovr-none", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aRosterWithNobodyOnDutyHandsOverToTheNextTierAtOnceAndSaysWhy() {
        String id = passthru("rosters-empty-1", "Brain", "09811000099");

        LocalHttp.await("the ICU desk's call", WAIT, () -> called(id).contains("+919811000007"));

        assertThat(called(id)).containsExactly("+919811000007");
        assertThat(timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "tier.skipped")
                .containsEntry("tier", "1").containsEntry("why", "nobody on duty in night-cover"));
    }

    @Test
    void pressingTwoBringsInTheNextTierWithinSecondsNotAfterEscalateAfter() {
        String id = passthru("rosters-decline-1", "Lungs", "09811000099");

        // Tier 1 needs both; Dr. Shah presses 2, so it can no longer make it: Dr. Bose is rung, an hour early.
        LocalHttp.await("Dr. Bose's call", WAIT, () -> called(id).contains("+919811000013"));

        assertThat(exotel.calls()).filteredOn(c -> c.customField().equals(id + ":lungs-1"))
                .singleElement().satisfies(c -> assertThat(c.ack().digits()).isEqualTo("2"));
        assertThat(timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "declined").containsEntry("personId", "lungs-1"));
        assertThat(timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "escalated").containsEntry("tier", "2"));
        pause();
        assertThat(called(id)).filteredOn("+919811000011"::equals).hasSize(1);  // the decliner is not retried
    }

    @Test
    void theReporterHearsWhoIsComingAndTheOthersAreStoodDown() {
        String id = passthru("rosters-covered-1", "Fire", "09811000099");

        LocalHttp.await("the reporter's two texts and the stand-down", WAIT, () -> sms("+919811000099").size() == 2
                && standDowns("+919811000023").size() == 1);

        assertThat(sms("+919811000099")).anySatisfy(body -> assertThat(body).startsWith("SOS Relay: 1 of 2 coming: Guard "));
        assertThat(sms("+919811000099")).anySatisfy(body -> assertThat(body)
                .matches("SOS Relay: 2 of 2 coming: Guard (One|Two), Guard (One|Two)\\. Fire emergency, ref " + id + "\\."));
        assertThat(standDowns("+919811000023")).singleElement().asString()
                .matches("SOS Relay: Fire emergency covered by Guard (One|Two), Guard (One|Two)\\. No action needed\\. Ref: " + id + "\\.");
        assertThat(exotel.smsMessages()).filteredOn(s -> s.to().equals("+919811000023") && s.body().contains("covered")).singleElement()
                .satisfies(s -> assertThat(s.form()).containsEntry("DltTemplateId", "1107000000000000002"));
        assertThat(sms("+919811000021")).isEmpty();
        assertThat(status(id)).isEqualTo("acknowledged");
    }

    @Test
    void aTypeThatStaysUnansweredRepeatsThenCallsTheReporterAndIsUnanswered() {
        HttpResponse<String> raised = send("POST", "/v1/incidents",
                "{\"type\":\"Server\",\"message\":\"Database down\",\"source\":\"his-db\",\"reportTo\":\"09811000098\"}");
        assertThat(raised.statusCode()).isEqualTo(202);
        String id = (String) Json.readObject(raised.body()).get("incidentId");

        LocalHttp.await("the reporter's urgent call", WAIT, () -> called(id).contains("+919811000098"));

        assertThat(called(id)).filteredOn("+919811000031"::equals).hasSize(2);  // round 1 and round 2
        assertThat(timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "repeated").containsEntry("round", "2"));
        LocalHttp.await("the status unanswered", WAIT, () -> "unanswered".equals(status(id)));
        LocalHttp.await("the reporter to hear the state", WAIT, () -> exotel.calls().stream()
                .anyMatch(c -> c.from().equals("+919811000098") && c.heard() != null));
        assertThat(exotel.calls()).filteredOn(c -> c.from().equals("+919811000098")).singleElement()
                .satisfies(c -> assertThat(c.heard()).contains("Nobody has confirmed the Server emergency", "Use the overhead page now"));
    }

    @Test
    void anIncidentInAMaintenanceWindowIsRecordedAndListedButRingsNobody() {
        String from = OffsetDateTime.now(ZoneOffset.of(IST)).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        String to = OffsetDateTime.now(ZoneOffset.of(IST)).plusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(send("POST", "/v1/maintenance", "{\"types\":[\"Drill\"],\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"reason\":\"fire drill\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> raised = send("POST", "/v1/incidents", "{\"type\":\"Drill\",\"message\":\"Drill alarm\"}");
        String id = (String) Json.readObject(raised.body()).get("incidentId");
        assertThat(Json.readObject(raised.body()).get("maintenance").toString()).contains("fire drill");
        pause();

        assertThat(called(id)).isEmpty();
        assertThat(Json.readObject(raised.body()).get("nobodyRung").toString()).contains("fire drill", "the operators are paged");
        assertThat(timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "maintenance"))
                .anySatisfy(e -> assertThat(e).containsEntry("event", "nobody-rung").containsEntry("paged", "operators"));
        Map<String, Object> listed = Json.readObject(send("GET", "/v1/incidents?type=Drill", null).body());
        assertThat(rows(listed)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("incidentId", id).containsKey("maintenance"));
    }

    @Test
    void aMaintenanceWindowNeverSilencesAPassthruAndEndsWithItsDelete() {
        String from = OffsetDateTime.now(ZoneOffset.of(IST)).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        String to = OffsetDateTime.now(ZoneOffset.of(IST)).plusHours(1).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> opened = send("POST", "/v1/maintenance", "{\"types\":[\"Fire\"],\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"reason\":\"alarm panel work\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        String windowId = (String) Json.readObject(opened.body()).get("id");
        try {
            String id = passthru("rosters-maint-passthru-1", "Fire", "09811000099");

            LocalHttp.await("the guards to be rung", WAIT, () -> called(id).containsAll(List.of("+919811000021", "+919811000022", "+919811000023")));
            assertThat(timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "maintenance.rings-anyway"))
                    .noneSatisfy(e -> assertThat(e).containsEntry("event", "nobody-rung"));
            assertThat(Json.readObject(send("GET", "/v1/incidents/" + id, null).body())).containsEntry("ringsInMaintenance", true)
                    .hasEntrySatisfying("maintenance", m -> assertThat(m.toString()).contains("alarm panel work"));
        } finally {
            assertThat(send("DELETE", "/v1/maintenance/" + windowId, null).statusCode()).isEqualTo(200);
        }
        assertThat(send("DELETE", "/v1/maintenance/" + windowId, null).statusCode()).as("gone").isEqualTo(404);
        assertThat(send("DELETE", "/v1/maintenance/" + windowId, null, LocalRelay.LOCAL_API_KEY).statusCode()).as("a device key").isEqualTo(403);
    }

    @Test
    void aWindowLongerThanADayIsRefused() {
        HttpResponse<String> refused = send("POST", "/v1/maintenance",
                "{\"types\":[\"Fire\"],\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2036-01-01T00:00:00Z\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("a window lasts at most 24 h");
    }

    @Test
    void aPassthruThatWouldRingNobodyTakesTheDesksBranchAndPagesTheOperators() {
        Map<String, String> query = new HashMap<>(LocalHttp.exotelPassthru("rosters-nobody-1", "Neuro"));
        query.put("CallFrom", "09811000099");

        HttpResponse<String> answer = LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru", query);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.body()).startsWith("recorded as inc-").contains("but nobody could be rung: nobody on duty in any tier");
        String id = answer.body().substring("recorded as ".length(), "recorded as ".length() + 24);
        assertThat(timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "nobody-rung").containsEntry("paged", "operators"));
    }

    @Test
    void incidentsAreListedNewestFirstByStatusAndTypeAPageAtATime() {
        String first = passthru("rosters-list-1", "General", "09811000099");
        String second = passthru("rosters-list-2", "General", "09811000099");

        Map<String, Object> page1 = Json.readObject(send("GET", "/v1/incidents?type=General&limit=1", null).body());
        assertThat(rows(page1)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("incidentId", second).containsEntry("status", "open"));
        Map<String, Object> page2 = Json.readObject(send("GET", "/v1/incidents?type=General&limit=1&after=" + page1.get("next"), null).body());
        assertThat(rows(page2)).singleElement().satisfies(row -> assertThat(row).containsEntry("incidentId", first));
        assertThat(rows(Json.readObject(send("GET", "/v1/incidents?type=General&status=resolved", null).body()))).isEmpty();
        assertThat(send("GET", "/v1/incidents?status=lost", null).statusCode()).isEqualTo(400);
    }

    private static String passthru(String callSid, String type, String callFrom) {
        Map<String, String> query = new HashMap<>(LocalHttp.exotelPassthru(callSid, type));
        query.put("CallFrom", callFrom);
        HttpResponse<String> response = LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru", query);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().substring("OK ".length(), "OK ".length() + 24);
    }

    private static List<String> called(String incidentId) {
        return exotel.calls().stream().filter(c -> c.customField() != null && c.customField().startsWith(incidentId + ":"))
                .map(SandboxExotel.PlacedCall::from).toList();
    }

    private static List<String> sms(String to) {
        return exotel.smsMessages().stream().filter(s -> s.to().equals(to)).map(SandboxExotel.SentSms::body).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("incidents");
    }

    private static List<String> standDowns(String to) {
        return sms(to).stream().filter(body -> body.contains(" covered by ")).toList();
    }

    private static List<String> onDuty(String roster) {
        return ((List<?>) Json.readObject(send("GET", "/v1/rosters/" + roster + "/on-duty", null).body()).get("onDuty")).stream()
                .map(row -> (String) ((Map<?, ?>) row).get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> timeline(String incidentId) {
        return (List<Map<String, String>>) Json.readObject(send("GET", "/v1/incidents/" + incidentId, null).body()).get("timeline");
    }

    private static String status(String incidentId) {
        return (String) Json.readObject(send("GET", "/v1/incidents/" + incidentId, null).body()).get("status");
    }

    private static HttpResponse<String> send(String method, String path, String json) {
        return send(method, path, json, LocalRelay.LOCAL_OPERATOR_KEY);
    }

    private static HttpResponse<String> send(String method, String path, String json, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.stack().baseUrl() + path))
                .header("x-api-key", apiKey).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Long enough for a stray call or retry to have shown up. */
    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
