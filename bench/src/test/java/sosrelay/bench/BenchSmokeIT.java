package sosrelay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import sosrelay.local.backends.LocalTemplate;

/**
 * The benchmark's pieces work end to end on the local stack: one person, one run, no timing
 * asserted (timing is what the benchmark reports, not what a test checks).
 */
class BenchSmokeIT {
    private static final Path WEBHOOKS = LocalTemplate.findTemplate().getParent().resolve("functions/exotel-webhooks/target");

    @Test
    void onePersonIsDispatchedAndTheRowReadsSanely() {
        Table table = new Table();
        try (SlowExotel exotel = SlowExotel.start(Duration.ofMillis(200));
             BenchStack stack = BenchStack.start(List.of(1), exotel, Map.of("EXOTEL_CALL_LIMIT", "0"))) {
            Samples ours = new TimeToLastDispatch(stack, exotel, Duration.ZERO).measure(1, 1);
            assertThat(exotel.connects()).isEqualTo(1);
            Samples naive = new NaiveBaseline(exotel).measure(2, 1);
            table.add(Benchmark.DISPATCH, "N=1 unthrottled", ours.describe() + " | naive " + naive.describe());

            assertThat(ours.count()).isEqualTo(1);
            assertThat(ours.median()).isPositive();
            // The naive loop waits for each answer before the next request: its second request cannot
            // arrive before the stand-in's 200 ms answer to the first.
            assertThat(naive.median()).isGreaterThanOrEqualTo(200.0);
            assertThat(exotel.connects()).isEqualTo(2);
        }
        assertThat(table.labels()).containsExactly("N=1 unthrottled");
    }

    /**
     * The request count on the real budget, on one person: at most 3 DynamoDB requests before the provider request (the
     * incident's state, the budget's view, the send with the claim) and 1 after it; the job delivered again once its call
     * was placed spends no send and rings nobody. Counts, not timings: these hold on any machine.
     */
    @Test
    void onePersonsCallCostsAtMostThreeRequestsBeforeItAndOneAfterAndARedeliveryNothing() {
        try (SlowExotel exotel = SlowExotel.start(Duration.ofMillis(200));
             BenchStack stack = BenchStack.start(List.of(1), exotel, Map.of())) {
            AwsRequestsPerIncident.Counted counted = new AwsRequestsPerIncident(stack, exotel).count(1);

            assertThat(counted.phases().get(new AwsRequestCounter.PhaseKey(AwsRequestCounter.Phase.BEFORE, "DynamoDb"))).isBetween(2L, 3L);
            assertThat(counted.phases().get(new AwsRequestCounter.PhaseKey(AwsRequestCounter.Phase.AFTER, "DynamoDb"))).isEqualTo(1L);
            assertThat(counted.redeliveredSends()).isZero();
            assertThat(counted.redeliveredConnects()).isZero();
        }
    }

    /**
     * The accounts row's machinery, each provider's budget one call: three people go out at once through the first Exotel
     * account, the second and Plivo, one each (a spent budget passes the call on rather than waiting).
     */
    @Test
    void threePeopleSpreadOverTwoExotelAccountsAndPlivoOneEach() {
        try (SlowExotel exotel = SlowExotel.start(Duration.ofMillis(200)); SlowExotel b = SlowExotel.start(Duration.ofMillis(200));
             SlowPlivo plivo = SlowPlivo.start(Duration.ofMillis(200))) {
            Map<String, String> environment = new java.util.HashMap<>(AcrossAccounts.environment(b, plivo));
            environment.putAll(Map.of("EXOTEL_CALL_LIMIT", "1", "EXOTEL_B_CALL_LIMIT", "1", "PLIVO_CONCURRENT_CALLS", "1"));
            try (BenchStack stack = BenchStack.start(List.of(3), exotel, environment)) {
                AcrossAccounts.Result result = new AcrossAccounts(stack, exotel, b, plivo).once(3);

                assertThat(List.of(result.first(), result.b(), result.plivo())).containsExactly(1, 1, 1);
                assertThat(result.last()).isPositive();
            }
        }
    }

    /** The cold-start rows' machinery: fresh JVMs answer from the zip as Lambda loads it, the SDK-only handler with less. */
    @Test
    void freshJvmsAnswerFromTheZip() {
        try (SlowExotel exotel = SlowExotel.start(Duration.ofMillis(200));
             BenchStack stack = BenchStack.start(List.of(1), exotel, Map.of("EXOTEL_CALL_LIMIT", "0"));
             ColdStart cold = ColdStart.prepare(WEBHOOKS.resolve("lambda.zip"), WEBHOOKS.resolve("appcds.jsa"),
                     stack.relay().stack().environment("ExotelPassthruFunction"))) {
            // Each run fails unless the fresh JVM answers: the Passthru 200, the SDK-only handler OK.
            ColdStart.Classes passthru = cold.classesLoaded(ColdStart.Handler.PASSTHRU, List.of(), "smoke-" + System.nanoTime());
            ColdStart.Classes sdkOnly = cold.classesLoaded(ColdStart.Handler.SDK_ONLY, List.of(), null);

            assertThat(passthru.loaded()).isPositive();
            assertThat(sdkOnly.loaded()).isLessThan(passthru.loaded());
        }
    }

    /**
     * With {@code mvn verify -Pappcds}: the build's AppCDS archive is really in use (a refused one only logs a
     * warning). The default build makes none (Lambda's JVM could not use it), so this runs only with the profile.
     */
    @Test
    @EnabledIf("archiveBuilt")
    void withTheAppCdsProfileTheFreshJvmTakesItsClassesFromTheBuildsArchive() {
        try (SlowExotel exotel = SlowExotel.start(Duration.ofMillis(200));
             BenchStack stack = BenchStack.start(List.of(1), exotel, Map.of("EXOTEL_CALL_LIMIT", "0"));
             ColdStart cold = ColdStart.prepare(WEBHOOKS.resolve("lambda.zip"), WEBHOOKS.resolve("appcds.jsa"),
                     stack.relay().stack().environment("ExotelPassthruFunction"))) {
            String archive = cold.archiveFlag().orElseThrow();
            ColdStart.Classes passthru = cold.classesLoaded(ColdStart.Handler.PASSTHRU, List.of(archive), "smoke-" + System.nanoTime());
            ColdStart.Classes sdkOnly = cold.classesLoaded(ColdStart.Handler.SDK_ONLY, List.of(), null);

            assertThat(passthru.fromAppCds()).contains("sosrelay.passthru.ExotelPassthruHandler", "sosrelay.wiring.Wiring",
                    "software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient");
            assertThat(sdkOnly.fromAppCds()).isEmpty();
        }
    }

    static boolean archiveBuilt() {
        return java.nio.file.Files.isRegularFile(WEBHOOKS.resolve("appcds.jsa"));
    }
}
