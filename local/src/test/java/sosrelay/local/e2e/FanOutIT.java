package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * A 1,000-person fan-out against a provider that throttles like Exotel (200 calls per window, 429
 * with Retry-After beyond it). Exotel's window is a minute; here it is 5 seconds and the pacer's window
 * too (its default 190 in any window), so the run takes half a minute instead of six. It must end with
 * everyone rung exactly once, no 429 at all, and nothing dead-lettered.
 */
class FanOutIT {
    private static final int PEOPLE = 1000;
    private static final Duration WINDOW = Duration.ofSeconds(5);

    @Test
    void aThousandPeopleAtTheProvidersLimitAreEachRungOnceWithoutA429(@TempDir Path dir) throws IOException {
        Path directory = dir.resolve("thousand.yaml");
        Files.writeString(directory, thousandUnderHeart());
        try (LocalRelay relay = LocalRelay.start(LocalHttp.madeUpCallSids(LocalStackOptions.forTemplate(LocalTemplate.findTemplate())
                        .withContactsFile(directory)
                        .withEnvironmentOverrides(Map.of("EXOTEL_CALL_LIMIT_WINDOW_MS", Long.toString(WINDOW.toMillis())))),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()))) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            exotel.limitCalls(200, WINDOW);

            assertThat(LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                    Map.of("CallSid", "fan-out-1000", "EmergencyType", "Heart")).statusCode()).isEqualTo(200);
            LocalHttp.await("a thousand calls", Duration.ofMinutes(3), () -> exotel.calls().size() >= PEOPLE);
            LocalHttp.await("the call queues to drain", Duration.ofMinutes(1), () -> LocalHttp.callQueuesEmpty(relay));

            Map<String, Long> callsPerPhone = exotel.calls().stream()
                    .collect(Collectors.groupingBy(SandboxExotel.PlacedCall::from, Collectors.counting()));
            assertThat(callsPerPhone).hasSize(PEOPLE).allSatisfy((phone, calls) -> assertThat(calls).isEqualTo(1L));
            assertThat(exotel.trouble().throttled()).isZero();
            assertThat(LocalHttp.queueEmpty(relay, "CallJobsDeadLetterQueue")).isTrue();
            assertThat(relay.stack().accessDenials().all()).as("the pacer's re-queue is allowed by CallJobFunction's role").isEmpty();
        }
    }

    private static String thousandUnderHeart() {
        String people = IntStream.range(0, PEOPLE).mapToObj(i -> String.format(
                "  - {id: p%04d, name: Person %d, phone: \"+9198765%05d\"}", i, i, i)).collect(Collectors.joining("\n"));
        String ids = IntStream.range(0, PEOPLE).mapToObj(i -> String.format("p%04d", i)).collect(Collectors.joining(", "));
        return "defaultType: Heart\npeople:\n" + people + "\ntypes:\n  Heart:\n    tiers:\n      - notify: [" + ids + "]\n"
                + "        escalateAfter: 1h\n";
    }
}
