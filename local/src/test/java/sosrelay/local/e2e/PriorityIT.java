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
 * Issue 13's urgency "done when": a Heart emergency (priority high) raised while a server alarm's 150-person
 * fan-out (normal) is still being paced out has its calls placed ahead of the rest of that fan-out.
 * <p>
 * The provider budget is {@value #LIMIT} calls in any 10 s here (instead of 190 a minute), and a job waits for its
 * turn in the worker for up to 10 s: so every fan-out job waits in a worker, as a fan-out's jobs do at Exotel's rate
 * when sends free up every moment, and the workers stay busy with the fan-out. On one queue the Heart's jobs were
 * received only behind it (120 of the 150 calls went first): the pacer can put a job ahead only once a worker holds
 * it. With high-priority calls on their own queue and pollers, the Heart's jobs are received at once and take the
 * budget's high-priority reserve. Meanwhile the fan-out can be granted at most one window's budget
 * ({@value #LIMIT}), and that only if the Heart's way from the Passthru to Exotel took a whole window.
 */
class PriorityIT {
    private static final int LIMIT = 30;
    private static final int FAN_OUT = 150;
    private static final String SERVER_PHONES = "+9198130";
    private static final String HEART_PHONES = "+91981400000";
    private static final String LUNGS_PHONE = "+919815000001";

    @Test
    void aHighPriorityIncidentBehindA150PersonNormalFanOutHasItsCallsPlacedFirst(@TempDir Path dir) throws IOException {
        Path directory = dir.resolve("priority.yaml");
        Files.writeString(directory, serverHeartAndLungs());
        try (LocalRelay relay = LocalRelay.start(LocalHttp.madeUpCallSids(LocalStackOptions.forTemplate(LocalTemplate.findTemplate())
                        .withContactsFile(directory)
                        .withEnvironmentOverrides(Map.of("EXOTEL_CALL_LIMIT", Integer.toString(LIMIT), "EXOTEL_CALL_LIMIT_WINDOW_MS", "10000",
                                "PACING_MAX_WAIT_SECONDS", "10",
                                // Not under test here: a loaded machine must not turn the Heart into the Passthru's 302.
                                "PASSTHRU_DEADLINE_MS", "30000"))),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()))) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            // A first emergency warms the Passthru and the urgent pollers' worker up, as any earlier alarm has in a
            // running stack: what is measured below is the queueing, not a cold start.
            assertThat(passthru(relay, "priority-lungs-1", "Lungs").statusCode()).isEqualTo(200);
            LocalHttp.await("the warm-up call", Duration.ofSeconds(30), () -> count(exotel.calls(), LUNGS_PHONE) == 1);

            assertThat(LocalHttp.postJson(relay.stack().baseUrl(), "/v1/incidents", LocalRelay.LOCAL_API_KEY,
                    "{\"type\":\"Server\",\"message\":\"Database down\",\"source\":\"his-db\"}").statusCode()).isEqualTo(202);
            LocalHttp.await("the fan-out under way", Duration.ofSeconds(30), () -> count(exotel.calls(), SERVER_PHONES) >= 20);

            int serverCallsBeforeTheHeart = count(exotel.calls(), SERVER_PHONES);
            java.net.http.HttpResponse<String> heart = passthru(relay, "priority-heart-1", "Heart");
            assertThat(heart.statusCode()).as(heart.body()).isEqualTo(200);
            LocalHttp.await("the Heart calls", Duration.ofSeconds(60), () -> count(exotel.calls(), HEART_PHONES) == 2);

            List<SandboxExotel.PlacedCall> calls = exotel.calls();
            int serverCallsBeforeTheLastHeartCall = count(calls.subList(0, lastIndexOf(calls, HEART_PHONES)), SERVER_PHONES);
            assertThat(serverCallsBeforeTheHeart).as("the Heart was raised while most of the fan-out was still to go")
                    .isLessThan(FAN_OUT - 3 * LIMIT);
            assertThat(serverCallsBeforeTheLastHeartCall - serverCallsBeforeTheHeart)
                    .as("fan-out calls placed after the Heart was raised and before its last call (%d of %d were placed first)",
                            serverCallsBeforeTheLastHeartCall, FAN_OUT)
                    .isLessThanOrEqualTo(LIMIT);
            assertThat(calls.stream().filter(c -> c.from().startsWith(HEART_PHONES)).map(SandboxExotel.PlacedCall::from))
                    .as("each Heart call placed once").doesNotHaveDuplicates();
            assertThat(LocalHttp.queueEmpty(relay, "UrgentCallJobsDeadLetterQueue")).isTrue();
            assertThat(relay.stack().accessDenials().all()).as("every send and re-queue is allowed by the template's policies").isEmpty();
        }
    }

    private static java.net.http.HttpResponse<String> passthru(LocalRelay relay, String callSid, String type) {
        return LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru", LocalHttp.exotelPassthru(callSid, type));
    }

    private static String serverHeartAndLungs() {
        StringBuilder yaml = new StringBuilder("defaultType: Server\npeople:\n");
        StringBuilder server = new StringBuilder();
        for (int i = 0; i < FAN_OUT; i++) {
            yaml.append(String.format("  - {id: it-%03d, name: IT %03d, phone: \"%s%05d\"}%n", i, i, SERVER_PHONES, i));
            server.append(i == 0 ? "" : ", ").append(String.format("it-%03d", i));
        }
        yaml.append("  - {id: dr-rao, name: Dr. Rao, phone: \"" + HEART_PHONES + "1\"}\n");
        yaml.append("  - {id: nurse-station, name: Nurse station, phone: \"" + HEART_PHONES + "2\"}\n");
        yaml.append("  - {id: rt-desk, name: RT desk, phone: \"" + LUNGS_PHONE + "\"}\n");
        yaml.append("types:\n  Server:\n    tiers:\n      - {notify: [").append(server).append("], escalateAfter: 1h}\n");
        yaml.append("  Heart:\n    priority: high\n    tiers:\n      - {notify: [dr-rao, nurse-station], escalateAfter: 1h}\n");
        yaml.append("  Lungs:\n    priority: high\n    tiers:\n      - {notify: [rt-desk], escalateAfter: 1h}\n");
        return yaml.toString();
    }

    private static int count(List<SandboxExotel.PlacedCall> calls, String phonePrefix) {
        return (int) calls.stream().filter(c -> c.from().startsWith(phonePrefix)).count();
    }

    private static int lastIndexOf(List<SandboxExotel.PlacedCall> calls, String phonePrefix) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).from().startsWith(phonePrefix)) {
                return i;
            }
        }
        throw new AssertionError("no call to " + phonePrefix + "…");
    }
}
