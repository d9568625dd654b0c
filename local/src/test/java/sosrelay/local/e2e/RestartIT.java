package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * The local stack stopped in the middle of a 60-person fan-out (the pacer is spreading it over about
 * 30 seconds) and started again on the same --data-dir: the incident, its deliveries and the queued
 * jobs survive, and the fan-out finishes with everyone rung exactly once.
 *
 * <p>Two settings are shortened so the run takes seconds: the template's 180 s visibility timeout
 * (how long jobs that were in a worker's hands when it stopped stay hidden; a copy of template.yaml
 * with 10 s is served) and the 60 s delivery claim.
 */
class RestartIT {
    private static final int PEOPLE = 60;

    @Test
    void aFanOutInterruptedByARestartFinishesWithEveryoneRungOnce(@TempDir Path dir) throws IOException {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, Files.readString(LocalTemplate.findTemplate()).replace("VisibilityTimeout: 180", "VisibilityTimeout: 10"));
        Path directory = dir.resolve("sixty.yaml");
        Files.writeString(directory, sixtyUnderHeart());
        LocalStackOptions options = LocalStackOptions.forTemplate(template).withDataDir(dir.resolve("data")).withContactsFile(directory)
                .withEnvironmentOverrides(Map.of("DELIVERY_CLAIM_SECONDS", "3", "EXOTEL_CALL_LIMIT", "10", "EXOTEL_CALL_LIMIT_WINDOW_MS", "5000"));
        // After the restart the budget is wide (60 per 5 s): the small one is only there to stop the first stack in
        // the middle of the fan-out, and redelivered copies of finished jobs would each wait for one of its sends.
        LocalStackOptions restarted = options.withEnvironmentOverrides(Map.of("DELIVERY_CLAIM_SECONDS", "3",
                "EXOTEL_CALL_LIMIT", Integer.toString(PEOPLE), "EXOTEL_CALL_LIMIT_WINDOW_MS", "5000"));
        List<SandboxExotel.PlacedCall> calls = new ArrayList<>();

        try (LocalRelay first = LocalRelay.start(LocalHttp.madeUpCallSids(options), Map.of(), quiet())) {
            LocalHttp.get(first.stack().baseUrl(), "/exotel/local-webhook-secret/passthru", Map.of("CallSid", "restart-60", "EmergencyType", "Heart"));
            SandboxExotel exotel = first.sandbox().orElseThrow();
            LocalHttp.await("the fan-out to be under way", Duration.ofSeconds(30), () -> exotel.calls().size() >= 8);
            assertThat(exotel.calls().size()).isLessThan(PEOPLE);
            first.close();
            calls.addAll(exotel.calls());
        }
        int beforeRestart = calls.size();
        assertThat(beforeRestart).as("calls placed before the stop").isLessThan(PEOPLE);
        try (LocalRelay second = LocalRelay.start(LocalHttp.madeUpCallSids(restarted), Map.of(), quiet())) {
            SandboxExotel exotel = second.sandbox().orElseThrow();
            LocalHttp.await("everyone to be rung", Duration.ofSeconds(90), () -> phones(calls, exotel).size() >= PEOPLE);
            // Copies of jobs that were in a worker's hands at the stop come back after the visibility timeout; each still
            // takes a send from the budget before it is found done. Whether anyone was rung twice is asserted below, not here.
            LocalHttp.await("the call queues to drain", Duration.ofSeconds(150), () -> LocalHttp.callQueuesEmpty(second));
            calls.addAll(exotel.calls());
        }

        Map<String, Long> callsPerPhone = calls.stream().collect(Collectors.groupingBy(SandboxExotel.PlacedCall::from, Collectors.counting()));
        assertThat(callsPerPhone).hasSize(PEOPLE).allSatisfy((phone, n) -> assertThat(n).isEqualTo(1L));
        System.out.printf("RestartIT: %d of %d rung before the stop, %d after the restart, none twice%n",
                beforeRestart, PEOPLE, PEOPLE - beforeRestart);
    }

    private static java.util.Set<String> phones(List<SandboxExotel.PlacedCall> before, SandboxExotel after) {
        java.util.Set<String> phones = before.stream().map(SandboxExotel.PlacedCall::from).collect(Collectors.toSet());
        after.calls().forEach(c -> phones.add(c.from()));
        return phones;
    }

    private static PrintStream quiet() {
        return new PrintStream(PrintStream.nullOutputStream());
    }

    private static String sixtyUnderHeart() {
        String people = IntStream.range(0, PEOPLE).mapToObj(i -> String.format(
                "  - {id: p%02d, name: Person %d, phone: \"+9198768%05d\"}", i, i, i)).collect(Collectors.joining("\n"));
        String ids = IntStream.range(0, PEOPLE).mapToObj(i -> String.format("p%02d", i)).collect(Collectors.joining(", "));
        return "defaultType: Heart\npeople:\n" + people + "\ntypes:\n  Heart:\n    retry: {attempts: 1, after: 1m}\n"
                + "    tiers:\n      - notify: [" + ids + "]\n        escalateAfter: 1h\n";
    }
}
