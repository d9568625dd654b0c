package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Issue 3's triggers through the local stack as a user fires them: the device API over HTTP with
 * its key, and CloudWatch alarms through Lambda's Invoke API, with the sandbox Exotel ringing.
 */
class TriggersIT {
    private static LocalRelay relay;
    private static SandboxExotel exotel;

    @BeforeAll
    static void start() {
        relay = LocalHttp.demoRelay();
        exotel = relay.sandbox().orElseThrow();
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void aDeviceWithAValidKeyRaisesAnIncidentThatItCanReadBack() {
        String body = "{\"type\":\"Fire\",\"message\":\"Smoke detected\",\"source\":\"panel-7\",\"location\":\"Ward 3\",\"dedupKey\":\"e2e-fire-1\"}";

        HttpResponse<String> raised = post("/v1/incidents", LocalRelay.LOCAL_API_KEY, body);
        HttpResponse<String> again = post("/v1/incidents", LocalRelay.LOCAL_API_KEY, body);

        assertThat(raised.statusCode()).isEqualTo(202);
        String id = Json.readObject(raised.body()).get("incidentId").toString();
        assertThat(Json.readObject(again.body())).containsEntry("incidentId", id).containsEntry("status", "repeat");
        LocalHttp.await("the fire to be rung", Duration.ofSeconds(30),
                () -> acceptedCalls(get("/v1/incidents/" + id, LocalRelay.LOCAL_API_KEY)) == 2);
        assertThat(exotel.calls().stream().filter(c -> c.customField().startsWith(id + ":"))).hasSize(2);
    }

    @Test
    void noKeyAWrongKeyOrABadBodyRaiseNothing() {
        int callsBefore = exotel.calls().size();

        assertThat(post("/v1/incidents", null, "{\"type\":\"Fire\",\"message\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(post("/v1/incidents", "guessed-key", "{\"type\":\"Fire\",\"message\":\"x\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> bad = post("/v1/incidents", LocalRelay.LOCAL_API_KEY, "{\"type\":7}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("type must be a string", "give at least one of type and message");
        assertThat(get("/v1/incidents/inc-aaaaaaaaaaaaaaaaaaaa", null).statusCode()).isEqualTo(403);

        assertThat(exotel.calls()).hasSize(callsBefore);
    }

    @Test
    void anAlarmInEitherShapeRingsTheMappedTypeOnceAndTheGreetingReadsItAloud() {
        HttpResponse<String> viaSns = invoke("AlarmFunction", "alarm-sns.json");
        HttpResponse<String> direct = invoke("AlarmFunction", "alarm-direct.json");
        HttpResponse<String> ok = invoke("AlarmFunction", "alarm-direct-ok.json");

        assertThat(viaSns.statusCode()).isEqualTo(200);
        assertThat(viaSns.headers().firstValue("X-Amz-Function-Error")).isEmpty();
        assertThat(viaSns.body()).contains("\"outcome\":\"created\"");
        assertThat(direct.body()).contains("\"outcome\":\"duplicate\"");
        assertThat(ok.body()).contains("\"outcome\":\"recovered\"");
        String itOncall = relay.directory().people().get("it-oncall").phone();
        LocalHttp.await("the IT on-call engineer to pick up", Duration.ofSeconds(30),
                () -> exotel.calls().stream().anyMatch(c -> c.from().equals(itOncall) && c.heard() != null));
        List<SandboxExotel.PlacedCall> calls = exotel.calls().stream().filter(c -> c.from().equals(itOncall)).toList();
        assertThat(calls).singleElement().extracting(SandboxExotel.PlacedCall::heard).asString()
                .startsWith("Emergency alert. Server emergency, reported by CloudWatch alarm sos-relay-api-5xx at ")
                .contains("Threshold Crossed");
    }

    private static int acceptedCalls(HttpResponse<String> view) {
        List<?> deliveries = (List<?>) Json.readObject(view.body()).get("deliveries");
        return (int) deliveries.stream().map(Map.class::cast)
                .filter(d -> "call".equals(d.get("channel")) && "accepted".equals(d.get("state"))).count();
    }

    private static HttpResponse<String> post(String path, String apiKey, String json) {
        return LocalHttp.postJson(relay.stack().baseUrl(), path, apiKey, json);
    }

    private static HttpResponse<String> get(String path, String apiKey) {
        return LocalHttp.getWithKey(relay.stack().baseUrl(), path, apiKey);
    }

    private static HttpResponse<String> invoke(String function, String fixture) {
        return LocalHttp.invoke(relay.stack().baseUrl(), function, LocalTemplate.findTemplate().getParent().resolve("events").resolve(fixture));
    }
}
