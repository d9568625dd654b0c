package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosrelay.incident.IncidentIds;
import sosrelay.incident.IncidentStore;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * 100 incidents over 10 seconds, 20 recipients each, through the local stack's HTTP port: every
 * incident stored, every one of the 2,000 calls placed exactly once. The Passthru's latency is
 * printed (p50/p99) for the README, not asserted: timing belongs to benchmarks, not tests.
 */
class LoadIT {
    private static final int INCIDENTS = 100;
    private static final int RECIPIENTS = 20;

    @Test
    void aHundredIncidentsInTenSecondsAreAllStoredAndEveryCallIsPlacedOnce(@TempDir Path dir) throws Exception {
        Path directory = dir.resolve("twenty.yaml");
        Files.writeString(directory, twentyUnderHeart());
        try (LocalRelay relay = LocalRelay.start(LocalHttp.madeUpCallSids(LocalStackOptions.forTemplate(LocalTemplate.findTemplate())
                        .withContactsFile(directory)
                        // The provider's rate is not what this measures: let calls go as fast as they come.
                        .withEnvironmentOverrides(Map.of("EXOTEL_CALL_LIMIT", "0"))),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()))) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            // Busy: a callback and nothing else per call, so the run measures our side, not the sandbox's pick-ups.
            exotel.scriptAll(IntStream.range(0, RECIPIENTS).boxed().collect(Collectors.toMap(LoadIT::phone,
                    i -> List.of(sosrelay.local.sandbox.CallOutcome.parse("busy")))));

            List<Long> latenciesMillis = Collections.synchronizedList(new ArrayList<>());
            ExecutorService senders = Executors.newScheduledThreadPool(8);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < INCIDENTS; i++) {
                String callSid = "load-" + i;
                responses.add(((java.util.concurrent.ScheduledExecutorService) senders).schedule(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> response = LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                            Map.of("CallSid", callSid, "EmergencyType", "Heart"));
                    latenciesMillis.add((System.nanoTime() - start) / 1_000_000);
                    return response;
                }, i * 100L, TimeUnit.MILLISECONDS));
            }
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
            }
            senders.shutdown();
            LocalHttp.await("2,000 calls", Duration.ofMinutes(3), () -> exotel.calls().size() >= INCIDENTS * RECIPIENTS);
            LocalHttp.await("the call queues to drain", Duration.ofMinutes(1), () -> LocalHttp.callQueuesEmpty(relay));

            for (int i = 0; i < INCIDENTS; i++) {
                String id = IncidentIds.forSource("exotel-call", "load-" + i);
                assertThat(relay.stack().dynamoDb().getItem(b -> b.tableName("IncidentsTable")
                        .key(IncidentStore.key(id, "INCIDENT"))).hasItem()).as("incident %s stored", id).isTrue();
            }
            Map<String, Long> callsPerDelivery = exotel.calls().stream()
                    .collect(Collectors.groupingBy(SandboxExotel.PlacedCall::customField, Collectors.counting()));
            assertThat(callsPerDelivery).hasSize(INCIDENTS * RECIPIENTS).allSatisfy((delivery, calls) -> assertThat(calls).isEqualTo(1L));
            List<Long> sorted = latenciesMillis.stream().sorted().toList();
            System.out.printf("LoadIT: %d incidents x %d recipients on %d cores: Passthru p50 %d ms, p99 %d ms, max %d ms%n",
                    INCIDENTS, RECIPIENTS, Runtime.getRuntime().availableProcessors(), sorted.get(sorted.size() / 2),
                    sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), sorted.get(sorted.size() - 1));
        }
    }

    private static String phone(int i) {
        return String.format("+9198767%05d", i);
    }

    private static String twentyUnderHeart() {
        String people = IntStream.range(0, RECIPIENTS).mapToObj(i -> String.format(
                "  - {id: p%02d, name: Person %d, phone: \"%s\"}", i, i, phone(i))).collect(Collectors.joining("\n"));
        String ids = IntStream.range(0, RECIPIENTS).mapToObj(i -> String.format("p%02d", i)).collect(Collectors.joining(", "));
        return "defaultType: Heart\npeople:\n" + people + "\ntypes:\n  Heart:\n    retry: {attempts: 1, after: 1m}\n"
                + "    tiers:\n      - notify: [" + ids + "]\n        escalateAfter: 1h\n";
    }
}
