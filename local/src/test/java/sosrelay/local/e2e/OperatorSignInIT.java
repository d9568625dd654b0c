package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;

/**
 * The operators' sign-in on the local stack, as API Gateway's Cognito authorizer would have it: the operator
 * routes answer 401 to no token, a wrong one, a device key or the webhook secret, before any function runs;
 * the signed-in operator reads, resolves and changes rosters through them; and that sign-in never raises an
 * incident through the device API. The board's page itself holds no data, whoever asks.
 */
class OperatorSignInIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRelay relay;
    private static URI base;

    @BeforeAll
    static void start() {
        relay = LocalHttp.demoRelay();
        base = relay.stack().baseUrl();
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void operatorRoutesRefuseEverythingButAnOperatorsToken() {
        for (String path : List.of("/v1/operator/incidents", "/v1/desk")) {
            assertThat(send("GET", path, Map.of(), null).statusCode()).as("no token on " + path).isEqualTo(401);
            assertThat(send("GET", path, Map.of("Authorization", "Bearer not-" + relay.operatorToken()), null).statusCode())
                    .as("a wrong token").isEqualTo(401);
            assertThat(send("GET", path, Map.of("x-api-key", LocalRelay.LOCAL_OPERATOR_KEY), null).statusCode())
                    .as("even the operator API key opens no signed-in route").isEqualTo(401);
            assertThat(send("GET", path, Map.of("Authorization", "Bearer " + LocalRelay.LOCAL_API_KEY), null).statusCode())
                    .as("a device key as a token").isEqualTo(401);
            assertThat(send("GET", path, Map.of("Authorization", "Bearer " + LocalRelay.LOCAL_SECRET), null).statusCode())
                    .as("the webhook secret as a token").isEqualTo(401);
            assertThat(send("GET", path, bearer(), null).statusCode()).as("the operator's token").isEqualTo(200);
        }
        HttpResponse<String> refused = send("GET", "/v1/operator/incidents", Map.of(), null);
        assertThat(Json.readObject(refused.body())).isEqualTo(Map.of("message", "Unauthorized"));
    }

    @Test
    void anOperatorsTokenNeverRaisesAnIncidentThroughTheDeviceApi() {
        HttpResponse<String> raised = send("POST", "/v1/incidents", bearer(), "{\"type\":\"Fire\",\"message\":\"not a device\"}");

        assertThat(raised.statusCode()).as("API Gateway's answer without an API key").isEqualTo(403);
        assertThat(Json.readObject(send("GET", "/v1/operator/incidents", bearer(), null).body()).get("incidents").toString())
                .doesNotContain("not a device");
    }

    @Test
    void theSignedInOperatorReadsResolvesAndSeesTheDeskWithoutFullNumbers() {
        HttpResponse<String> raised = LocalHttp.postJson(base, "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                "{\"type\":\"Fire\",\"message\":\"Smoke\",\"source\":\"panel-9\",\"location\":\"Ward 9\"}");
        assertThat(raised.statusCode()).isEqualTo(202);
        String id = (String) Json.readObject(raised.body()).get("incidentId");

        assertThat(send("GET", "/v1/operator/incidents", bearer(), null).body()).contains(id);
        Map<String, Object> story = Json.readObject(send("GET", "/v1/operator/incidents/" + id, bearer(), null).body());
        assertThat(story).containsEntry("incidentId", id).containsKeys("deliveries", "timeline", "recipients", "required");

        String desk = send("GET", "/v1/desk", bearer(), null).body();
        assertThat(desk).contains("neuro-on-call", "onDuty").doesNotContainPattern("\\+91\\d{10}");

        assertThat(send("POST", "/v1/operator/incidents/" + id + "/resolve", bearer(), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v1/operator/incidents/" + id, bearer(), null).body()).contains("\"resolved\"", "operator:local-operator-1");
    }

    @Test
    void theSignedInOperatorAddsAnOverride() {
        Instant now = Instant.now();
        String body = "{\"person\":\"dr-roy\",\"from\":\"" + now.plus(Duration.ofDays(3)) + "\",\"to\":\""
                + now.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)) + "\",\"reason\":\"board\"}";

        assertThat(send("POST", "/v1/operator/rosters/neuro-on-call/overrides", Map.of(), body).statusCode()).isEqualTo(401);
        HttpResponse<String> added = send("POST", "/v1/operator/rosters/neuro-on-call/overrides", bearer(), body);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(Json.readObject(added.body())).containsEntry("person", "dr-roy").containsEntry("roster", "neuro-on-call");
    }

    @Test
    void theBoardsPageHoldsNoDataAndSaysHowToSignIn() {
        HttpResponse<String> page = send("GET", "/board", Map.of(), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.body()).contains("content=\"{&quot;tokens&quot;:true}\"", "board/board.js").doesNotContain("inc-");
        assertThat(send("GET", "/board/board.js", Map.of(), null).headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(send("GET", "/board/..%2Fboard.js", Map.of(), null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/board/index.html", Map.of(), null).statusCode()).isEqualTo(404);
    }

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + relay.operatorToken());
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
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
