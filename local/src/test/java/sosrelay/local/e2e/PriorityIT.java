package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Issue 13's urgency "done when": a Heart emergency (priority high) raised while a server alarm's
 * 150-person fan-out (normal) is still being paced out has its calls placed ahead of the rest of that
 * fan-out. The provider budget is 30 calls in any 3 s here (instead of 190 a minute), so the fan-out
 * takes about 15 s.
 */
class PriorityIT {

    @Test
    void aHighPriorityIncidentBehindA150PersonNormalFanOutHasItsCallsPlacedFirst(@TempDir Path dir) throws IOException {
        StringBuilder yaml = new StringBuilder("defaultType: Server\npeople:\n");
        StringBuilder server = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            yaml.append(String.format("  - {id: it-%03d, name: IT %03d, phone: \"+9198130%05d\"}%n", i, i, i));
            server.append(i == 0 ? "" : ", ").append(String.format("it-%03d", i));
        }
        yaml.append("  - {id: dr-rao, name: Dr. Rao, phone: \"+919814000001\"}\n");
        yaml.append("  - {id: nurse-station, name: Nurse station, phone: \"+919814000002\"}\n");
        yaml.append("types:\n  Server:\n    tiers:\n      - {notify: [").append(server).append("], escalateAfter: 1h}\n");
        yaml.append("  Heart:\n    priority: high\n    tiers:\n      - {notify: [dr-rao, nurse-station], escalateAfter: 1h}\n");
        Path directory = dir.resolve("priority.yaml");
        Files.writeString(directory, yaml);
        try (LocalRelay relay = LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate())
                        .withContactsFile(directory)
                        .withEnvironmentOverrides(Map.of("EXOTEL_CALL_LIMIT", "30", "EXOTEL_CALL_LIMIT_WINDOW_MS", "3000")),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()))) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            assertThat(LocalHttp.postJson(relay.stack().baseUrl(), "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                    "{\"type\":\"Server\",\"message\":\"Database down\",\"source\":\"his-db\"}").statusCode()).isEqualTo(202);
            LocalHttp.await("the fan-out under way", Duration.ofSeconds(30), () -> exotel.calls().size() >= 20);

            assertThat(LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                    LocalHttp.exotelPassthru("priority-heart-1", "Heart")).statusCode()).isEqualTo(200);
            LocalHttp.await("the Heart calls", Duration.ofSeconds(60), () -> heartCalls(exotel) == 2);
            int serverCallsBeforeTheLastHeartCall = serverCallsPlaced(exotel);
            LocalHttp.await("the whole fan-out", Duration.ofSeconds(90), () -> serverCallsPlaced(exotel) == 150);

            // Both Heart calls went while most of the fan-out was still waiting for its turn.
            assertThat(serverCallsBeforeTheLastHeartCall).isLessThan(100);
        }
    }

    private static long heartCalls(SandboxExotel exotel) {
        return exotel.calls().stream().filter(c -> c.from().startsWith("+91981400000")).count();
    }

    private static int serverCallsPlaced(SandboxExotel exotel) {
        List<SandboxExotel.PlacedCall> calls = exotel.calls();
        return (int) calls.stream().filter(c -> c.from().startsWith("+9198130")).count();
    }
}
