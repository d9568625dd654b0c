package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosrelay.delivery.DeliveryJob;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A 100-person fan-out while the provider answers 30% of calls with 503, leaves 10% hanging past the
 * client's timeout, and throttles at 200 per window: every person ends rung exactly once, or (after
 * the queue's sixteen receives) in the dead-letter queue; nobody is lost and nobody is rung twice.
 * The backoff is shortened (RETRY_BACKOFF_SECONDS) so the run takes seconds, not minutes.
 */
class ProviderFaultsIT {
    private static final int PEOPLE = 100;

    @Test
    void flakySlowAndThrottlingProviderStillReachesEveryoneOnce(@TempDir Path dir) throws IOException {
        Path directory = dir.resolve("hundred.yaml");
        Files.writeString(directory, hundredUnderHeart());
        try (LocalRelay relay = LocalRelay.start(LocalHttp.madeUpCallSids(LocalStackOptions.forTemplate(LocalTemplate.findTemplate())
                        .withContactsFile(directory)
                        .withEnvironmentOverrides(Map.of(
                                "RETRY_BACKOFF_SECONDS", "1,1,1,2,2,2,3",
                                "EXOTEL_REQUEST_TIMEOUT_MS", "800",
                                "EXOTEL_CALL_LIMIT", "170",
                                "EXOTEL_CALL_LIMIT_WINDOW_MS", "5000"))),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()))) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            exotel.failSome(0.30, 0.10, Duration.ofMillis(1500), 42);
            exotel.limitCalls(200, Duration.ofSeconds(5));

            LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru",
                    Map.of("CallSid", "faults-100", "EmergencyType", "Heart"));
            LocalHttp.await("every job to be placed or dead-lettered", Duration.ofMinutes(2),
                    () -> LocalHttp.callQueuesEmpty(relay));

            Map<String, Long> callsPerPhone = exotel.calls().stream()
                    .collect(Collectors.groupingBy(SandboxExotel.PlacedCall::from, Collectors.counting()));
            Set<String> deadLettered = deadLetteredPhones(relay);
            Set<String> everyone = new HashSet<>(callsPerPhone.keySet());
            everyone.addAll(deadLettered);
            assertThat(callsPerPhone).allSatisfy((phone, calls) -> assertThat(calls).isEqualTo(1L));
            assertThat(deadLettered).doesNotContainAnyElementsOf(callsPerPhone.keySet());
            assertThat(everyone).hasSize(PEOPLE);
            assertThat(exotel.trouble().serverErrors()).isPositive();
            assertThat(exotel.trouble().hangs()).isPositive();
            System.out.printf("ProviderFaultsIT: %d rung once, %d dead-lettered; provider answered %d x 503, left %d hanging, throttled %d%n",
                    callsPerPhone.size(), deadLettered.size(), exotel.trouble().serverErrors(), exotel.trouble().hangs(),
                    exotel.trouble().throttled());
        }
    }

    private static String hundredUnderHeart() {
        String people = IntStream.range(0, PEOPLE).mapToObj(i -> String.format(
                "  - {id: p%03d, name: Person %d, phone: \"+9198766%05d\"}", i, i, i)).collect(Collectors.joining("\n"));
        String ids = IntStream.range(0, PEOPLE).mapToObj(i -> String.format("p%03d", i)).collect(Collectors.joining(", "));
        return "defaultType: Heart\npeople:\n" + people + "\ntypes:\n  Heart:\n    retry: {attempts: 1, after: 1m}\n"
                + "    tiers:\n      - notify: [" + ids + "]\n        escalateAfter: 1h\n";
    }

    private static Set<String> deadLetteredPhones(LocalRelay relay) {
        String url = relay.stack().resources().requireQueue("CallJobsDeadLetterQueue").url();
        Set<String> phones = new HashSet<>();
        while (true) {
            List<Message> messages = relay.stack().sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                return phones;
            }
            messages.forEach(m -> phones.add(DeliveryJob.fromJson(m.body()).phone()));
        }
    }
}
