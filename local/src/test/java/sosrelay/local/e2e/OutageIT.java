package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;
import sosrelay.local.sandbox.SandboxGupShup;

/**
 * Exotel and GupShup both down (503 to everything) for the first 20 s (the scripted outage of {@code SOS_SANDBOX_OUTAGE},
 * as a user would start it): a Heart emergency raised meanwhile reaches every one of its 20 people within 20 s of the
 * providers' return (no try waits over 30 s, issue 20), each exactly once, and its texts go out too.
 */
class OutageIT {
    @RegisterExtension
    static final CapturedRelay stack = CapturedRelay.withEnvironment(
            Map.of(LocalRelay.SANDBOX_OUTAGE_VARIABLE, "exotel@0s+20s,gupshup@0s+20s")).replayingMadeUpCallSids();

    @Test
    void everyoneIsRungOnceWhenTheProvidersComeBack() throws InterruptedException {
        LocalRelay relay = stack.relay();
        SandboxExotel exotel = relay.sandbox().orElseThrow();
        SandboxGupShup gupShup = relay.sandboxGupShup().orElseThrow();

        // The outage began when the stack was ready, before this raise: it is over by then + 20 s.
        java.time.Instant back = java.time.Instant.now().plusSeconds(20);
        assertThat(LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                LocalHttp.exotelPassthru("fd7a090139691d5ed3exxg", "Heart")).statusCode()).as("the Passthru needs no provider").isEqualTo(200);
        LocalHttp.await("20 calls, two SMS and a WhatsApp after the outage", Duration.ofSeconds(90),
                () -> exotel.calls().size() >= 20 && exotel.smsMessages().size() >= 2 && gupShup.messages().size() >= 1);
        // A duplicate would arrive within a poll or two.
        Thread.sleep(3000);

        String output = stack.output();
        assertThat(output).as("the workers met the outage").contains("[sandbox exotel] outage: POST Calls/connect answered 503",
                "[sandbox exotel] outage: POST Sms/send answered 503", "[sandbox gupshup] outage: request answered 503");
        assertThat(exotel.calls().stream().collect(Collectors.groupingBy(SandboxExotel.PlacedCall::from, Collectors.counting())))
                .as("each of the 20 people rung exactly once").hasSize(20).allSatisfy((number, calls) -> assertThat(calls).isEqualTo(1));
        assertThat(exotel.calls()).as("everyone rung within 20 s of Exotel's return")
                .allSatisfy(call -> assertThat(call.at()).isBefore(back.plusSeconds(20)));
        assertThat(exotel.smsMessages().stream().map(SandboxExotel.SentSms::to).collect(Collectors.toMap(Function.identity(), to -> 1, Integer::sum)))
                .containsOnly(Map.entry("+919800000001", 1), Map.entry("+919800000002", 1));
        assertThat(gupShup.messages()).hasSize(1);
    }
}
