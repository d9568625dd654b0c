package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStack;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Issue 11's containment, end to end through the local stack's HTTP port: one device key (a fire panel
 * stuck in a loop) posts 120 incidents in a couple of seconds while the front desk raises a Heart
 * emergency through the Passthru. The key holds at most the template's DeviceOpenIncidentLimit (10)
 * open incidents and is told so with a 429; every Heart doctor is rung within 5 s; another key can
 * neither read nor resolve the panel's incidents, the panel resolves its own, and the operator key
 * reads all of them.
 */
class FloodIT {
    private static final String PANEL_KEY = "panel-key-in-a-loop";
    private static final String OTHER_KEY = "ward-7-crash-detector";
    private static final int FLOOD = 120;
    private static final int OPEN_LIMIT = 10;
    private static final Set<String> HEART = Set.of("+919822200001", "+919822200002", "+919822200003", "+919822200004",
            "+919822200005");

    @Test
    void aFloodingKeyIsCappedAndAPassthruEmergencyStillRingsEveryoneWithinFiveSeconds() throws Exception {
        Path directory = Path.of(FloodIT.class.getResource("/flood-directory.yaml").toURI());
        try (LocalRelay relay = LocalRelay.start(LocalHttp.madeUpCallSids(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withContactsFile(directory)
                        .withEnvironmentOverrides(Map.of(LocalStack.API_KEYS_VARIABLE,
                                PANEL_KEY + "," + OTHER_KEY + "," + LocalRelay.LOCAL_OPERATOR_KEY))),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()))) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            ConcurrentLinkedQueue<HttpResponse<String>> answers = new ConcurrentLinkedQueue<>();
            ExecutorService panel = Executors.newFixedThreadPool(4);
            IntStream.range(0, FLOOD).forEach(i -> panel.execute(() -> answers.add(LocalHttp.postJson(relay.stack().baseUrl(),
                    "/v1/incidents", PANEL_KEY, "{\"type\":\"Fire\",\"message\":\"loop " + i + "\",\"dedupKey\":\"loop-" + i + "\"}"))));
            LocalHttp.await("the flood to be under way", Duration.ofSeconds(30), () -> answers.size() >= 20);

            long raisedAt = System.nanoTime();
            String heart = raiseHeart(relay);
            LocalHttp.await("every Heart doctor to be rung", Duration.ofSeconds(5), () -> rung(exotel, heart).containsAll(HEART));
            System.out.printf("Flood: every Heart doctor rung %d ms after the Passthru, while one key posted %d incidents%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - raisedAt), FLOOD);

            panel.shutdown();
            assertThat(panel.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            List<String> raised = answers.stream().filter(a -> a.statusCode() == 202)
                    .map(a -> Json.readObject(a.body()).get("incidentId").toString()).toList();
            List<HttpResponse<String>> refused = answers.stream().filter(a -> a.statusCode() == 429).toList();
            assertThat(raised).hasSize(OPEN_LIMIT);
            // Both defences answer 429: API Gateway's usage-plan throttle (5/s, bursts of 20) before the function,
            // the open-incident cap in it. The burst alone brings the key past its cap.
            assertThat(refused).hasSize(FLOOD - OPEN_LIMIT).allSatisfy(a -> assertThat(a.body())
                    .satisfiesAnyOf(body -> assertThat(body).contains("open incident limit reached", "already has " + OPEN_LIMIT),
                            body -> assertThat(body).isEqualTo("{\"message\":\"Too Many Requests\"}")));
            assertThat(refused).anySatisfy(a -> assertThat(a.body()).contains("open incident limit reached"))
                    .anySatisfy(a -> assertThat(a.body()).contains("Too Many Requests"));
            // The panel's bucket refills at 5 requests a second, up to 20, before it resolves its ten.
            Thread.sleep(4_000);

            String someFire = raised.get(0);
            assertThat(get(relay, "/v1/incidents/" + someFire, OTHER_KEY).statusCode()).isEqualTo(404);
            assertThat(post(relay, "/v1/incidents/" + someFire + "/resolve", OTHER_KEY).statusCode()).isEqualTo(404);
            assertThat(get(relay, "/v1/incidents/" + heart, PANEL_KEY).statusCode()).isEqualTo(404);
            assertThat(get(relay, "/v1/incidents/" + heart, LocalRelay.LOCAL_OPERATOR_KEY).statusCode()).isEqualTo(200);
            assertThat(get(relay, "/v1/incidents/" + someFire, LocalRelay.LOCAL_OPERATOR_KEY).statusCode()).isEqualTo(200);
            assertThat(raised).allSatisfy(id -> assertThat(post(relay, "/v1/incidents/" + id + "/resolve", PANEL_KEY).statusCode())
                    .isEqualTo(200));
            assertThat(LocalHttp.postJson(relay.stack().baseUrl(), "/v1/incidents", PANEL_KEY,
                    "{\"type\":\"Fire\",\"message\":\"a real fire\"}").statusCode())
                    .as("resolving gives the key its slots back").isEqualTo(202);
        }
    }

    private static String raiseHeart(LocalRelay relay) {
        String body = LocalHttp.get(relay.stack().baseUrl(), "/exotel/" + LocalRelay.LOCAL_SECRET + "/passthru",
                LocalHttp.exotelPassthru("flood-heart-1", "Heart")).body();
        return body.substring("OK ".length(), "OK ".length() + 24);
    }

    private static Set<String> rung(SandboxExotel exotel, String incidentId) {
        return exotel.calls().stream().filter(c -> c.customField().startsWith(incidentId + ":")).map(SandboxExotel.PlacedCall::from)
                .collect(Collectors.toSet());
    }

    private static HttpResponse<String> get(LocalRelay relay, String path, String key) {
        return LocalHttp.getWithKey(relay.stack().baseUrl(), path, key);
    }

    private static HttpResponse<String> post(LocalRelay relay, String path, String key) {
        return LocalHttp.postJson(relay.stack().baseUrl(), path, key, "");
    }
}
