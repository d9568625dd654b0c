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
 * Issue 15's drill, through the local stack and the sandbox Exotel: it rings a type's chain as an emergency
 * would, every call saying it is a drill, and its report says who was reached (and why not), who acknowledged
 * and how fast, and whether each tier's {@code required} would have been met; it reports back to nobody.
 */
class DrillIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRelay relay;
    private static SandboxExotel exotel;
    private static Path directory;

    @BeforeAll
    static void start() throws IOException {
        directory = Files.createTempFile("drill-it", ".yaml");
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        Files.writeString(directory, """
                defaultType: Ward
                people:
                  - {id: nurse-a, name: Nurse A, phone: "+919812000001"}
                  - {id: nurse-b, name: Nurse B, phone: "+919812000002"}
                  - {id: nurse-c, name: Nurse C, phone: "+919812000003"}
                  - {id: matron, name: Matron, phone: "+919812000004"}
                  - {id: porter, name: Porter, phone: "+919812000005"}
                types:
                  Ward:
                    retry: {attempts: 1}
                    tiers:
                      - {notify: [nurse-a, nurse-b, nurse-c], required: 2, escalateAfter: 1h}
                      - {notify: [matron], escalateAfter: 1h}
                  Porters:
                    tiers:
                      - {notify: [porter], escalateAfter: 1h}
                drills:
                  - {type: Porters, schedule: "cron(%d %d ? * * *)"}
                """.formatted(now.getMinute(), now.getHour()));
        // The once-a-minute drill check every second: the scheduled drill is due this minute.
        relay = LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withContactsFile(directory)
                        .withEnvironmentOverrides(Map.of("SOS_LOCAL_SCHEDULE_SECONDS", "1")),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()));
        exotel = relay.sandbox().orElseThrow();
        exotel.script("+919812000001", List.of("press-1"));
        exotel.script("+919812000002", List.of("failed"));
    }

    @AfterAll
    static void stop() throws IOException {
        relay.close();
        Files.deleteIfExists(directory);
    }

    @Test
    void aDrillWithOneUnreachableNumberReportsThatPersonUnreachableAndTheRestReached() {
        HttpResponse<String> started = send("POST", "/v1/drills", relay.operatorToken(), "{\"type\":\"Ward\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String drillId = (String) Json.readObject(started.body()).get("drillId");

        LocalHttp.await("the three nurses' calls to end", WAIT, () -> exotel.calls().stream()
                .filter(c -> c.customField().startsWith(drillId + ":")).filter(SandboxExotel.PlacedCall::ended).count() == 3
                && people(drillId).get("nurse-b").containsKey("reason") && Boolean.TRUE.equals(people(drillId).get("nurse-a").get("acknowledged")));

        Map<String, Map<String, Object>> people = people(drillId);
        assertThat(people.get("nurse-a")).containsEntry("reached", true).containsEntry("acknowledged", true).containsKey("timeToAcknowledgeSeconds");
        assertThat(people.get("nurse-b")).containsEntry("reached", false).containsEntry("acknowledged", false);
        assertThat((String) people.get("nurse-b").get("reason")).contains("failed");
        assertThat(people.get("nurse-c")).containsEntry("reached", true).containsEntry("acknowledged", false);
        assertThat(people.get("matron")).containsEntry("reached", false).containsEntry("tier", 2);
        Map<String, Object> report = report(drillId);
        assertThat(report).containsEntry("type", "Ward");
        assertThat((List<?>) report.get("tiers")).first().asString().contains("required=2", "acknowledged=1", "met=false");

        assertThat(exotel.calls()).filteredOn(c -> c.customField().startsWith(drillId + ":") && c.heard() != null)
                .isNotEmpty().allSatisfy(call -> assertThat(call.heard()).contains("drill", "not an emergency", "Press 1"));
        assertThat(exotel.calls()).as("nobody is called back about a drill")
                .noneMatch(c -> c.customField().startsWith(drillId + ":_reporter"));
    }

    @Test
    void aDrillTheDirectorySchedulesStartsOnceInItsMinute() throws InterruptedException {
        LocalHttp.await("the scheduled Porters drill", WAIT, () -> !scheduledDrills().isEmpty());
        Thread.sleep(4000);  // four more checks: each finds the same minute's drill already started

        assertThat(scheduledDrills()).singleElement().satisfies(drill -> assertThat(drill.get("source")).isEqualTo("drill"));
        String drillId = (String) scheduledDrills().get(0).get("incidentId");
        LocalHttp.await("the porter's drill call", WAIT, () -> exotel.calls().stream()
                .anyMatch(c -> c.customField().equals(drillId + ":porter")));
        assertThat(report(drillId)).containsEntry("type", "Porters");
    }

    private static List<Map<?, ?>> scheduledDrills() {
        HttpResponse<String> list = send("GET", "/v1/operator/incidents?type=DRILL%20Porters", relay.operatorToken(), null);
        return ((List<?>) Json.readObject(list.body()).get("incidents")).stream().<Map<?, ?>>map(i -> (Map<?, ?>) i).toList();
    }

    @Test
    void onlyASignedInOperatorStartsADrillOfAKnownType() {
        assertThat(send("POST", "/v1/drills", null, "{\"type\":\"Ward\"}").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/v1/drills", "not-the-token", "{\"type\":\"Ward\"}").statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = send("POST", "/v1/drills", relay.operatorToken(), "{\"type\":\"Kidney\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Ward");
        assertThat(send("GET", "/v1/drills/inc-aaaaaaaaaaaaaaaaaaaa", relay.operatorToken(), null).statusCode()).isEqualTo(404);
    }

    private static Map<String, Object> report(String drillId) {
        HttpResponse<String> report = send("GET", "/v1/drills/" + drillId, relay.operatorToken(), null);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        return Json.readObject(report.body());
    }

    private static Map<String, Map<String, Object>> people(String drillId) {
        Map<String, Map<String, Object>> people = new java.util.LinkedHashMap<>();
        for (Object p : (List<?>) report(drillId).get("people")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> person = (Map<String, Object>) p;
            people.put((String) person.get("id"), person);
        }
        return people;
    }

    private static HttpResponse<String> send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.stack().baseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
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
