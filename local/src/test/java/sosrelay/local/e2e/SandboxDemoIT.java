package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;

/** The README's walk-through, end to end over HTTP: the demo directory, the sandbox Exotel, the greeting. */
class SandboxDemoIT {
    private static LocalRelay relay;

    @BeforeAll
    static void start() {
        relay = LocalHttp.demoRelay();
    }

    @AfterAll
    static void stop() {
        relay.close();
    }

    @Test
    void aFrontDeskCallRingsTheTwentyHeartPeopleAndNobodyHearsExotelsPrivateRecording() {
        SandboxExotel exotel = relay.sandbox().orElseThrow();

        Map<String, Object> call = LocalHttp.inboundCall(relay, "+919800000099", "Heart");

        assertThat(((Number) call.get("passthruStatus")).intValue()).isEqualTo(200);
        assertThat((String) call.get("passthruBody")).matches("OK inc-[a-z2-7]{20}");
        assertThat((String) call.get("RecordingUrl")).contains("/exotelrecordings/sandbox/" + call.get("CallSid"));
        LocalHttp.await("20 people to pick up", Duration.ofSeconds(30),
                () -> exotel.calls().size() == 20 && exotel.calls().stream().allMatch(c -> c.heard() != null));
        assertThat(exotel.calls()).extracting(SandboxExotel.PlacedCall::from).doesNotHaveDuplicates()
                .containsAll(LocalHttp.firstTier(relay.directory(), "Heart").stream()
                        .map(p -> p.phone()).toList());
        // Exotel's recording URL plays for nobody without the account's credentials: our copy once it exists (the
        // sandbox's voicemail is ready at once, so it may be copied before anyone picks up), the summary until then.
        assertThat(exotel.calls()).extracting(SandboxExotel.PlacedCall::heard)
                .allSatisfy(heard -> assertThat(heard).doesNotContain("exotelrecordings")
                        .satisfiesAnyOf(h -> assertThat(h).startsWith("Emergency alert. Heart emergency"),
                                h -> assertThat(h).contains("/recordingsbucket/recordings/").contains("X-Amz-Signature=")));
    }

    @Test
    void theGreetingAnswersHeadWithTheSameHeadersAsGet() {
        Map<String, String> query = Map.of("CallSid", "x", "From", "+919800000001", "To", "08047000000",
                "CustomField", "inc-f4ozhr7np263xfwdrpb2:dr-rao");

        HttpResponse<String> get = LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/greeting", query);
        HttpResponse<String> head = LocalHttp.head(relay.stack().baseUrl(), "/exotel/local-webhook-secret/greeting", query);

        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Content-Type")).contains("text/plain");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
    }
}
