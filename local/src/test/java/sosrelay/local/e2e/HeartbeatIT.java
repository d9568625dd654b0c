package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Heartbeats through the local stack as on AWS: the device key's beats over HTTP, the template's EventBridge
 * schedule running HeartbeatCheckFunction under its own IAM policy (here every second instead of every minute),
 * the silence rung by the sandbox Exotel, and the next beat ending it.
 */
class HeartbeatIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    /** A valid device key the directory does not list for panel-7. */
    private static final String FOREIGN_KEY = "heartbeat-foreign-key";
    private static Path directory;
    private static LocalRelay relay;
    private static SandboxExotel exotel;

    @BeforeAll
    static void start() throws IOException {
        directory = Files.createTempFile("heartbeat-directory", ".yaml");
        Files.writeString(directory, """
                defaultType: General
                people:
                  - {id: guard-1, name: Guard One, phone: "+919811000021"}
                  - {id: duty-manager, name: Duty manager, phone: "+919811000005"}
                types:
                  Fire:
                    tiers:
                      - {notify: [guard-1], escalateAfter: 1h}
                  General:
                    tiers:
                      - {notify: [duty-manager], escalateAfter: 1h}
                heartbeats:
                  - {source: panel-7, expectEvery: 6s, type: Fire, keys: [%s]}
                """.formatted(sosrelay.local.backends.LocalApiKeys.idOf(LocalRelay.LOCAL_API_KEY)) + """
                """);
        relay = LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withContactsFile(directory)
                        .withEnvironmentOverrides(Map.of("SOS_LOCAL_SCHEDULE_SECONDS", "1", "DIRECTORY_CACHE_SECONDS", "0",
                                sosrelay.local.LocalStack.API_KEYS_VARIABLE, String.join(",", LocalRelay.LOCAL_API_KEY, FOREIGN_KEY,
                                        LocalRelay.LOCAL_OPERATOR_KEY))),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()));
        exotel = relay.sandbox().orElseThrow();
    }

    @AfterAll
    static void stop() throws IOException {
        relay.close();
        Files.deleteIfExists(directory);
    }

    @Test
    void aPanelThatStopsBeatingRaisesItsTypeAndItsNextBeatEndsIt() {
        assertThat(beat("panel-7").statusCode()).isEqualTo(200);
        long quietFrom = System.nanoTime();

        LocalHttp.await("panel-7's silence to be raised", WAIT, () -> silence().isPresent());
        String id = silence().orElseThrow();
        assertThat(Duration.ofNanos(System.nanoTime() - quietFrom)).as("not before its 6 s interval").isGreaterThan(Duration.ofSeconds(5));
        LocalHttp.await("the guard to be rung", WAIT, () -> exotel.calls().stream()
                .anyMatch(c -> c.customField().startsWith(id + ":") && c.from().equals("+919811000021")));
        assertThat(view(id)).contains("panel-7 silent since");
        assertThat(relay.stack().accessDenials().all()).as("the template's policies allow all of it").isEmpty();

        HttpResponse<String> foreign = LocalHttp.postJson(relay.stack().baseUrl(), "/v1/heartbeats/panel-7", FOREIGN_KEY, "");
        assertThat(foreign.statusCode()).as("a key not listed for panel-7").isEqualTo(403);
        assertThat(foreign.body()).contains("may not beat for panel-7");
        assertThat(Json.readObject(view(id))).as("the foreign beat stood nobody down").containsEntry("status", "open");

        HttpResponse<String> back = beat("panel-7");

        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(Json.readObject(back.body())).containsEntry("resolvedIncidentId", id);
        assertThat(Json.readObject(view(id))).containsEntry("status", "resolved");
    }

    @Test
    void aBeatFromASourceTheDirectoryDoesNotWatchIsRefusedByName() {
        HttpResponse<String> unknown = beat("panel-99");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no heartbeat source 'panel-99'");
        assertThat(LocalHttp.postJson(relay.stack().baseUrl(), "/v1/heartbeats/panel-7", null, "").statusCode())
                .as("no key: API Gateway refuses it").isEqualTo(403);
    }

    private static HttpResponse<String> beat(String source) {
        return LocalHttp.postJson(relay.stack().baseUrl(), "/v1/heartbeats/" + source, LocalRelay.LOCAL_API_KEY, "");
    }

    private static Optional<String> silence() {
        HttpResponse<String> list = LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents?type=Fire", LocalRelay.LOCAL_OPERATOR_KEY);
        return ((List<?>) Json.readObject(list.body()).get("incidents")).stream().map(Map.class::cast)
                .filter(row -> "heartbeat".equals(row.get("source"))).map(row -> row.get("incidentId").toString()).findFirst();
    }

    private static String view(String id) {
        return LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + id, LocalRelay.LOCAL_OPERATOR_KEY).body();
    }
}
