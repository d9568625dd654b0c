package sosrelay.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.local.backends.LocalTemplate;

/** Runs every measurement the options ask for and fills the table; progress goes to {@code log}. */
public final class Benchmark {
    static final String DISPATCH = "Time to last dispatch: trigger -> last recipient's request at a 200 ms provider";
    static final String LATENCY = "Webhook latency: 50 concurrent Passthru requests (distinct CallSids, 20 recipients each)";
    static final String AWS = "AWS requests per incident: 20 recipients, call only, the real budget, raise -> all calls placed (callbacks not included)";
    static final String COLD = "Cold start: fresh JVM -> first response (no SnapStart)";
    static final String STAGGERED = "Back to back: three 20-person Passthrus 4 s apart, each with a recording and the CallSid check, the real budget: trigger -> its last call request";
    static final String TRACE = "Trace of the last back-to-back run: ms after each trigger, median of its three incidents (first job, last job)";
    private static final Duration STAGGER = Duration.ofSeconds(4);
    static final String LIMIT = "1,000 people at the real limit (190 in any window), time-compressed 10x: the window is 6 s instead of 60 s";
    static final String ACCOUNTS = "1,000 people across two Exotel accounts and Plivo, each at its own real limit and window";
    static final Duration COMPRESSED_WINDOW = Duration.ofSeconds(6);
    static final Duration PROVIDER_TIME = Duration.ofMillis(200);
    private static final int LATENCY_CONCURRENCY = 50;
    /** template.yaml's ReservedConcurrentExecutions of ExotelPassthruFunction: at most this many run at once on AWS. */
    private static final int RESERVED_PASSTHRUS = 10;
    private static final int AWS_PEOPLE = 20;
    private static final int WARM_UP_INCIDENTS = 5;
    /** Each burst queues 1,000 calls that must drain before the next: three bursts are enough for a p99 of 150. */
    private static final int LATENCY_BURSTS = 3;
    private static final int PACED_LIMIT = 190;
    /** Lambda's Java runtimes start the JVM with these (and -Xshare:on with the runtime's own CDS archive). */
    private static final List<String> LAMBDA_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final BenchOptions options;
    private final PrintStream log;
    private final Table table = new Table();

    public Benchmark(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public Table run() {
        try (SlowExotel exotel = SlowExotel.start(PROVIDER_TIME)) {
            if (options.coldStartOnly()) {
                // The probes raise one-person incidents (EmergencyType Ring1).
                try (BenchStack stack = BenchStack.start(List.of(1), exotel, Map.of())) {
                    coldStartRows(stack);
                }
                return table;
            }
            Map<Integer, Samples> naive = options.runs("dispatch") ? naiveBaseline(exotel) : Map.of();
            // (a) Unthrottled: the provider's limit is out of the picture, every job may go at once.
            if (options.runs("dispatch") || options.runs("latency") || options.runs("cold") && options.coldStart()) {
                try (BenchStack stack = BenchStack.start(options.directoryGroups(), exotel, Map.of("EXOTEL_CALL_LIMIT", "0"))) {
                    if (options.runs("dispatch")) {
                        dispatchRows(new TimeToLastDispatch(stack, exotel, Duration.ZERO), "unthrottled", naive, false);
                    }
                    if (options.runs("latency")) {
                        latencyRows(stack);
                    }
                    if (options.runs("cold") && options.coldStart()) {
                        coldStartRows(stack);
                    }
                }
            }
            // (b) The real budget's defaults; each run waits until the window has room for a ward's worth again.
            if (options.runs("staggered")) {
                // Its own stack: the Passthru's CallSid check on, as deployed (the other rows leave it off).
                try (BenchStack stack = BenchStack.start(options.directoryGroups(), exotel, Map.of("PASSTHRU_CALL_CHECK", "on"))) {
                    staggeredRows(stack, exotel);
                }
            }
            if (options.runs("aws") || options.runs("dispatch")) {
                try (BenchStack stack = BenchStack.start(options.directoryGroups(), exotel, Map.of())) {
                    if (options.runs("aws")) {
                        awsRows(stack, exotel);
                    }
                    if (options.runs("dispatch")) {
                        Duration rest = Duration.ofMillis(60_000L * AWS_PEOPLE / PACED_LIMIT + 1000);
                        dispatchRows(new TimeToLastDispatch(stack, exotel, rest), "paced 190 in any 60 s", naive, true);
                    }
                }
            }
            // (c) The whole limit, time-compressed.
            if (options.runs("limit")) {
                int most = options.sizes().stream().mapToInt(Integer::intValue).max().orElseThrow();
                try (BenchStack stack = BenchStack.start(options.directoryGroups(), exotel,
                        Map.of("EXOTEL_CALL_LIMIT_WINDOW_MS", Long.toString(COMPRESSED_WINDOW.toMillis())))) {
                    limitRows(new AtTheLimit(stack, exotel, COMPRESSED_WINDOW), most);
                }
            }
            // (d) The same fan-out spread over several providers' budgets, at their real windows.
            if (options.runs("accounts")) {
                accountsRows(exotel, options.sizes().stream().mapToInt(Integer::intValue).max().orElseThrow());
            }
        }
        return table;
    }

    private Map<Integer, Samples> naiveBaseline(SlowExotel exotel) {
        NaiveBaseline baseline = new NaiveBaseline(exotel);
        baseline.measure(Math.min(20, options.sizes().get(0)), 1);
        Map<Integer, Samples> naive = new LinkedHashMap<>();
        for (int people : options.sizes()) {
            log.printf("naive baseline, %d people...%n", people);
            naive.put(people, baseline.measure(people, options.runsFor(people, true)));
        }
        return naive;
    }

    private void dispatchRows(TimeToLastDispatch dispatch, String mode, Map<Integer, Samples> naive, boolean paced) {
        // A fresh stack's first incidents run interpreted code: without this, the first row of the first stack is the slowest.
        for (int i = 0; i < WARM_UP_INCIDENTS; i++) {
            dispatch.once(AWS_PEOPLE);
        }
        for (int people : options.sizes()) {
            String label = String.format("N=%,d %s", people, mode);
            if (paced && people >= 1000 && !options.pacedThousand()) {
                table.add(DISPATCH, label, "not run (about 6 min a run; add --paced-1000)");
                continue;
            }
            log.printf("time to last dispatch, %d people, %s...%n", people, mode);
            Samples ours = dispatch.measure(people, options.runsFor(people, paced));
            table.add(DISPATCH, label, ours.describe() + " | naive " + naive.get(people).describe()
                    + " | ours/naive " + Table.ratio(ours.median() / naive.get(people).median()));
        }
    }

    private void staggeredRows(BenchStack stack, SlowExotel exotel) {
        log.println("three incidents 4 s apart...");
        StaggeredIncidents staggered = new StaggeredIncidents(stack, exotel);
        // A fresh stack's first incidents run interpreted code and start the workers' environments: one unmeasured run.
        staggered.once(3, AWS_PEOPLE, STAGGER);
        List<Samples> each = List.of(new Samples(), new Samples(), new Samples());
        Samples all = new Samples();
        List<List<RunTrace.Stage>> traces = new ArrayList<>();
        for (int run = 0; run < options.runs(); run++) {
            // Each run starts on a rested budget, as the first incident of a quiet night does.
            BenchStack.pause(Duration.ofSeconds(61));
            boolean last = run == options.runs() - 1;
            if (last) {
                RequestTrace.start();
            }
            List<StaggeredIncidents.Raised> raised = staggered.once(3, AWS_PEOPLE, STAGGER);
            List<RequestTrace.Event> events = last ? RequestTrace.stop() : List.of();
            for (int i = 0; i < 3; i++) {
                each.get(i).add(raised.get(i).millis());
                all.add(raised.get(i).millis());
                if (last) {
                    traces.add(RunTrace.of(raised.get(i), events, exotel.arrivalsFor(raised.get(i).id())));
                }
            }
        }
        table.add(STAGGERED, "all incidents", all.describe() + " (goal: a median of at most 350 ms)");
        for (int i = 0; i < 3; i++) {
            table.add(STAGGERED, "incident " + (i + 1) + " (raised at " + (STAGGER.toSeconds() * i) + " s)", each.get(i).describe());
        }
        RunTrace.medians(traces).forEach((stage, value) -> table.add(TRACE, stage, value));
    }

    private void limitRows(AtTheLimit limit, int people) {
        log.printf("%d people at the limit, time-compressed...%n", people);
        int wave = Math.min(people, PACED_LIMIT);
        AtTheLimit.Result result = limit.once(people, wave);
        table.add(LIMIT, "largest count in any window", result.mostInAWindow() + " (limit 190; Exotel answers 429 above 200)");
        table.add(LIMIT, "requests Exotel would have answered 429", Integer.toString(result.refused()));
        table.add(LIMIT, "trigger -> request of the " + wave + "th", Table.millis(result.firstWave())
                + " (a window of 6 s here; the first wave is not compressed)");
        table.add(LIMIT, "trigger -> last of " + people, Table.millis(result.last()) + " (about "
                + Table.millis(result.last() * 10) + " at the real window)");
    }

    private void accountsRows(SlowExotel exotel, int people) {
        log.printf("%d people across two Exotel accounts and Plivo, at the real windows (about two minutes)...%n", people);
        try (SlowExotel b = SlowExotel.start(PROVIDER_TIME); SlowPlivo plivo = SlowPlivo.start(PROVIDER_TIME);
             BenchStack stack = BenchStack.start(options.directoryGroups(), exotel, AcrossAccounts.environment(b, plivo))) {
            AcrossAccounts.Result result = new AcrossAccounts(stack, exotel, b, plivo).once(people);
            table.add(ACCOUNTS, "requests through exotel / exotel:b / plivo", result.first() + " / " + result.b() + " / " + result.plivo());
            table.add(ACCOUNTS, "trigger -> last of " + people, Table.millis(result.last()) + " (the Passthru answered "
                    + result.passthru() + ")");
        }
    }

    private void latencyRows(BenchStack stack) {
        log.println("webhook latency...");
        WebhookLatency latency = new WebhookLatency(stack, LATENCY_CONCURRENCY, AWS_PEOPLE);
        WebhookLatency.Result warmUp = latency.measure(1);
        int bursts = Math.min(options.runs(), LATENCY_BURSTS);
        WebhookLatency.Result measured = latency.measure(bursts);
        Samples samples = measured.latencies();
        table.add(LATENCY, "p50", Table.millis(samples.percentile(50)));
        table.add(LATENCY, "p99", Table.millis(samples.percentile(99)));
        table.add(LATENCY, "max", Table.millis(samples.max()) + " (" + samples.count() + " requests in " + bursts
                + " bursts, after one warm-up burst)");
        // A Passthru past its deadline answers 302 (the duty desk's branch): counted, not a reason to stop the run.
        table.add(LATENCY, "answered 302, not 200", measured.notRecorded() + " of " + samples.count()
                + " (warm-up burst: " + warmUp.notRecorded() + " of " + warmUp.latencies().count() + ")");
        // On AWS the Passthru's reserved concurrency (10) is also its ceiling: API Gateway answers an 11th at once with a 500.
        Samples ten = new WebhookLatency(stack, RESERVED_PASSTHRUS, AWS_PEOPLE).measure(bursts).latencies();
        table.add(LATENCY, RESERVED_PASSTHRUS + " at once (its reserved concurrency): p50, p99", Table.millis(ten.percentile(50)) + ", "
                + Table.millis(ten.percentile(99)) + " (" + ten.count() + " requests)");
    }

    private void awsRows(BenchStack stack, SlowExotel exotel) {
        log.println("AWS requests per incident...");
        AwsRequestsPerIncident.Counted counted = new AwsRequestsPerIncident(stack, exotel).count(AWS_PEOPLE);
        Map<String, Long> byService = new LinkedHashMap<>();
        counted.requests().forEach((key, count) -> {
            table.add(AWS, label(key), perRecipient(count));
            byService.merge(key.service(), count, Long::sum);
        });
        byService.forEach((service, count) -> table.add(AWS, "total " + service, perRecipient(count)));
        for (AwsRequestCounter.Phase phase : List.of(AwsRequestCounter.Phase.BEFORE, AwsRequestCounter.Phase.AFTER)) {
            long dynamo = counted.phases().getOrDefault(new AwsRequestCounter.PhaseKey(phase, "DynamoDb"), 0L);
            table.add(AWS, "call worker, DynamoDb " + (phase == AwsRequestCounter.Phase.BEFORE ? "before" : "after")
                    + " the provider request", perRecipient(dynamo) + (phase == AwsRequestCounter.Phase.BEFORE ? " (goal: at most 3)"
                    : " (goal: at most 1)"));
        }
        long redelivered = counted.redelivered().entrySet().stream().filter(e -> e.getKey().service().equals("DynamoDb"))
                .mapToLong(Map.Entry::getValue).sum();
        table.add(AWS, "a job of it delivered again, its call placed", redelivered + " DynamoDb requests ("
                + counted.redelivered().keySet().stream().filter(k -> k.service().equals("DynamoDb")).map(AwsRequestCounter.Key::madeBy)
                .distinct().collect(java.util.stream.Collectors.joining(", ")) + "), " + counted.redeliveredSends()
                + " sends of the budget spent, " + counted.redeliveredConnects() + " calls placed");
    }

    private static String label(AwsRequestCounter.Key key) {
        String who = key.caller() == AwsRequestCounter.Caller.POLLER ? "SQS poller" : "function";
        return who + ": " + key.service() + " " + key.operation() + " (" + key.madeBy() + ")";
    }

    private static String perRecipient(long count) {
        return String.format("%d (%.2f per recipient)", count, count / (double) AWS_PEOPLE);
    }

    private void coldStartRows(BenchStack stack) {
        Path target = LocalTemplate.findTemplate().getParent().resolve("functions/exotel-webhooks/target");
        try (ColdStart cold = ColdStart.prepare(target.resolve("lambda.zip"), target.resolve("appcds.jsa"),
                stack.relay().stack().environment("ExotelPassthruFunction"))) {
            Map<String, List<String>> variants = new LinkedHashMap<>();
            variants.put("default JVM flags", List.of());
            variants.put("Lambda's flags", LAMBDA_FLAGS);
            cold.archiveFlag().ifPresent(archive -> {
                variants.put("default flags + AppCDS", List.of(archive));
                List<String> both = new ArrayList<>(LAMBDA_FLAGS);
                both.add(archive);
                variants.put("Lambda's flags + AppCDS", both);
            });
            table.add(COLD, "Lambda's flags", String.join(" ", LAMBDA_FLAGS) + " (what its java17/java21 runtimes pass, beside their own CDS archive)");
            log.printf("cold start, %d variants interleaved...%n", variants.size());
            coldStartVariants(cold, variants);
            if (cold.archiveFlag().isEmpty()) {
                table.add(COLD, "AppCDS", "not run: no functions/exotel-webhooks/target/appcds.jsa (mvn package makes it)");
            }
            ColdStart.Classes passthru = cold.classesLoaded(ColdStart.Handler.PASSTHRU, cold.archiveFlag().stream().toList(), callSid());
            table.add(COLD, "classes loaded: Passthru (two requests) / SDK-only / minimal", passthru.loaded() + " / "
                    + cold.classesLoaded(ColdStart.Handler.SDK_ONLY, List.of(), null).loaded() + " / "
                    + cold.classesLoaded(ColdStart.Handler.MINIMAL, List.of(), null).loaded());
            cold.archiveFlag().ifPresent(archive -> table.add(COLD, "  of the Passthru's, from the AppCDS archive",
                    passthru.fromAppCds().size() + (passthru.fromAppCds().isEmpty() ? " (the JVM refused the archive: made by another JVM build?)" : "")));
        }
    }

    /** Round by round, every variant and handler in turn: a shared machine's load drifts over all of them alike. */
    private void coldStartVariants(ColdStart cold, Map<String, List<String>> variants) {
        Map<String, Map<ColdStart.Handler, List<ColdStart.Run>>> runs = new LinkedHashMap<>();
        // Round 0 is a warm-up: the first fresh JVMs read the jars from disk, the measured ones from the page cache.
        for (int round = 0; round <= options.runs(); round++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                for (ColdStart.Handler handler : ColdStart.Handler.values()) {
                    ColdStart.Run run = cold.run(handler, variant.getValue(), callSid());
                    if (round > 0) {
                        runs.computeIfAbsent(variant.getKey(), v -> new EnumMap<>(ColdStart.Handler.class))
                                .computeIfAbsent(handler, h -> new ArrayList<>()).add(run);
                    }
                }
            }
        }
        runs.forEach((variant, byHandler) -> {
            Samples passthru = totals(byHandler.get(ColdStart.Handler.PASSTHRU));
            Samples sdkOnly = totals(byHandler.get(ColdStart.Handler.SDK_ONLY));
            Samples minimal = totals(byHandler.get(ColdStart.Handler.MINIMAL));
            table.add(COLD, "Passthru handler, " + variant, passthru.describe());
            table.add(COLD, "SDK-only handler (same 2 clients, 1 GetItem), " + variant, sdkOnly.describe());
            table.add(COLD, "minimal handler, " + variant, minimal.describe());
            table.add(COLD, "  Passthru / SDK-only", Table.ratio(passthru.median() / sdkOnly.median()));
            table.add(COLD, "  Passthru / minimal", Table.ratio(passthru.median() / minimal.median()));
            List<ColdStart.Run> steps = byHandler.get(ColdStart.Handler.PASSTHRU);
            for (String step : steps.get(0).stepMillis().keySet()) {
                Samples stepSamples = Samples.of(steps.stream().map(r -> r.stepMillis().getOrDefault(step, Double.NaN)).toList());
                table.add(COLD, "    " + step, stepSamples.describe());
            }
        });
    }

    private static Samples totals(List<ColdStart.Run> runs) {
        return Samples.of(runs.stream().map(ColdStart.Run::totalMillis).toList());
    }

    private static String callSid() {
        return "cold-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    }
}
