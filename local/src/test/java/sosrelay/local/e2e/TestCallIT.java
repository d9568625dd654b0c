package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * A signed-in operator's test call, through the local stack and the sandbox Exotel: one call that speaks the
 * person's name and asks for a 1; a person who presses it is verified on the desk, one who never answers stays
 * unverified; nobody else is rung, and only an operator's sign-in starts one.
 */
class TestCallIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRelay relay;
    private static SandboxExotel exotel;

    @BeforeAll
    static void start() {
        relay = LocalHttp.demoRelay();
        exotel = relay.sandbox().orElseThrow();
        exotel.script("+919800000003", List.of("press-1"));
        exotel.script("+919800000004", List.of("no-answer"));
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void aTestCallSpeaksTheNameAndItsPressVerifiesTheNumber() {
        assertThat(verified("dr-khan")).as("imported, never answered").isFalse();

        HttpResponse<String> started = testCall("dr-khan", relay.operatorToken());

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String incidentId = (String) Json.readObject(started.body()).get("incidentId");
        LocalHttp.await("dr-khan's test call answered with a 1", WAIT, () -> verified("dr-khan"));
        // The sandbox notes the press once our ack webhook has answered it, a moment after the desk can show it.
        LocalHttp.await("the sandbox to note the press", WAIT, () -> exotel.calls().stream()
                .anyMatch(c -> c.customField().startsWith(incidentId + ":") && c.ack() != null));
        assertThat(exotel.calls()).filteredOn(c -> c.customField().startsWith(incidentId + ":")).singleElement().satisfies(call -> {
            assertThat(call.customField()).isEqualTo(incidentId + ":dr-khan");
            assertThat(call.heard()).contains("test call", "Dr. Khan", "Press 1");
            assertThat(call.ack().digits()).isEqualTo("1");
        });
        assertThat(exotel.smsMessages()).noneMatch(sms -> sms.body().contains(incidentId));
    }

    @Test
    void someoneWhoNeverAnswersStaysUnverified() {
        String incidentId = (String) Json.readObject(testCall("dr-mehta", relay.operatorToken()).body()).get("incidentId");

        LocalHttp.await("dr-mehta's test call to end", WAIT, () -> exotel.calls().stream()
                .anyMatch(c -> c.customField().startsWith(incidentId + ":") && c.ended()));

        assertThat(exotel.calls()).filteredOn(c -> c.customField().startsWith(incidentId + ":")).hasSize(1);
        assertThat(verified("dr-mehta")).isFalse();
    }

    @Test
    void onlyASignedInOperatorStartsOneAndOnlyForSomeoneInTheDirectory() {
        int before = exotel.calls().size();

        assertThat(testCall("dr-sen", null).statusCode()).isEqualTo(401);
        assertThat(testCall("dr-sen", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> deviceKey = send(HttpRequest.newBuilder(URI.create(relay.stack().baseUrl() + "/v1/people/dr-sen/test-call"))
                .header("x-api-key", LocalRelay.LOCAL_OPERATOR_KEY).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(deviceKey.statusCode()).isEqualTo(401);
        assertThat(testCall("dr-nobody", relay.operatorToken()).statusCode()).isEqualTo(404);
        assertThat(exotel.calls()).hasSize(before);
    }

    private static boolean verified(String personId) {
        HttpResponse<String> desk = send(HttpRequest.newBuilder(URI.create(relay.stack().baseUrl() + "/v1/desk"))
                .header("Authorization", "Bearer " + relay.operatorToken()).GET());
        List<?> people = (List<?>) Json.readObject(desk.body()).get("people");
        return people.stream().map(p -> (Map<?, ?>) p).filter(p -> personId.equals(p.get("id")))
                .anyMatch(p -> Boolean.TRUE.equals(p.get("verified")));
    }

    private static HttpResponse<String> testCall(String personId, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.stack().baseUrl() + "/v1/people/" + personId + "/test-call"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
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
