package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.greeting.SpokenText;
import sosrelay.incident.IncidentProgress;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Issue 22, item 7, on the local stack: {@code VOICE_PROVIDERS=exotel,exotel:b} (a second sandbox Exotel acts as account b,
 * with its own sid, key and token), the first account's budget 1 call a minute. A 20-person Heart emergency goes out at once:
 * the first account takes what its budget has room for and account b the rest, rather than waiting; each person is rung
 * once across both. Account b's calls work as the first's: their status callbacks ({@code ?account=b}) are recorded, their
 * greeting names the incident, and Dr. Rao's and Dr. Iyer's press 1 acknowledges it (whichever account rang them).
 */
class ExotelAccountsIT {
    @RegisterExtension
    static final CapturedRelay stack = CapturedRelay.withEnvironment(Map.of("VOICE_PROVIDERS", "exotel,exotel:b",
            "EXOTEL_CALL_LIMIT", "1",
            LocalRelay.SANDBOX_SCRIPT_VARIABLE, "+919800000001=press-1;+919800000002=press-1"));

    @Test
    void aFanOutBeyondOneAccountsBudgetGoesOutThroughTheNextAccountAtOnceAndItsCallsWorkAsTheFirsts() throws InterruptedException {
        LocalRelay relay = stack.relay();
        SandboxExotel first = relay.sandbox().orElseThrow();
        SandboxExotel b = relay.sandboxExotel("b").orElseThrow();

        HttpResponse<String> raised = LocalHttp.postJson(relay.stack().baseUrl(), "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                "{\"type\":\"Heart\",\"message\":\"Cardiac arrest, bed 4\",\"source\":\"monitor-4\",\"dedupKey\":\"monitor-4-0002\"}");
        assertThat(raised.statusCode()).isEqualTo(202);
        String incidentId = (String) Json.readObject(raised.body()).get("incidentId");

        LocalHttp.await("20 calls through the two accounts", Duration.ofSeconds(30), () -> first.calls().size() + b.calls().size() >= 20);
        LocalHttp.await("two people pressed 1", Duration.ofSeconds(30),
                () -> IncidentProgress.ACKNOWLEDGED.equals(IncidentItems.status(relay, incidentId)));
        LocalHttp.await("account b's calls ended and reported", Duration.ofSeconds(30),
                () -> b.calls().stream().allMatch(call -> call.ended() && !call.callbacks().isEmpty()));
        // A duplicate would arrive within a poll or two.
        Thread.sleep(3000);

        List<SandboxExotel.PlacedCall> all = new ArrayList<>(first.calls());
        all.addAll(b.calls());
        assertThat(first.calls()).as("the first account: its budget's one call").hasSize(1);
        assertThat(all.stream().collect(Collectors.groupingBy(SandboxExotel.PlacedCall::from, Collectors.counting())))
                .as("each of the 20 people rung exactly once across both accounts").hasSize(20)
                .allSatisfy((number, calls) -> assertThat(calls).isEqualTo(1));
        assertThat(b.calls()).as("b's calls come from b's own ExoPhone and flow, and report to b's callback")
                .allSatisfy(call -> {
                    assertThat(call.callerId()).isEqualTo(b.calls().get(0).callerId()).isNotEqualTo(first.calls().get(0).callerId());
                    assertThat(call.flowUrl()).contains(SandboxExotel.accountSid("b"));
                    assertThat(call.statusCallback()).endsWith("/call-status?account=b");
                    assertThat(call.callbacks()).allSatisfy(callback -> assertThat(callback.delivered()).isTrue());
                    assertThat(call.heard()).as("the greeting knows b's call").contains("Heart")
                            .isNotEqualTo(SpokenText.generic(sosrelay.directory.Language.EN));
                });
        assertThat(b.calls().stream().filter(call -> call.ack() != null))
                .as("a press 1 through b is taken: only a call we placed through b counts, and it does").isNotEmpty()
                .allSatisfy(call -> assertThat(call.ack().httpStatus()).isEqualTo(200));
        assertThat(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + incidentId, LocalRelay.LOCAL_API_KEY).body())
                .as("the incident view shows each call's account").contains("\"provider\":\"exotel:b\"");
    }
}
