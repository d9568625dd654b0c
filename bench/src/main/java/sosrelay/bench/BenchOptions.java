package sosrelay.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What to run. Rows whose single run takes over half a minute (the naive baseline and the paced
 * fan-out at 200 people and above) run {@code longRuns} times, the others {@code runs} times.
 *
 * @param sizes          recipients per incident, one time-to-last-dispatch row each
 * @param runs           measured runs of each short row, after one warm-up
 * @param longRuns       measured runs of each long row
 * @param pacedThousand  also run 1,000 people at the real pacer (about six minutes a run)
 * @param coldStart      run the fresh-JVM cold start rows
 * @param coldStartOnly  run nothing else (about a minute at five runs)
 * @param only           the sections to run ({@link #SECTIONS}); empty: all
 */
public record BenchOptions(List<Integer> sizes, int runs, int longRuns, boolean pacedThousand, boolean coldStart,
                           boolean coldStartOnly, Set<String> only) {
    public static final String USAGE = "java -jar bench/target/sos-bench.jar [--sizes 1,20,200,1000] [--runs 5] [--long-runs 1]"
            + " [--paced-1000] [--no-cold-start] [--cold-start-only] [--quick] [--only dispatch,latency,cold,aws,staggered,limit,accounts]";
    /** The table's sections, as {@code --only} names them. */
    public static final Set<String> SECTIONS = Set.of("dispatch", "latency", "cold", "aws", "staggered", "limit", "accounts");

    /** A paced row at or above this many people takes over half a minute a run. */
    static final int LONG_ROW_PEOPLE = 200;

    public static BenchOptions parse(String... args) {
        List<Integer> sizes = List.of(1, 20, 200, 1000);
        int runs = 5;
        int longRuns = 1;
        boolean pacedThousand = false;
        boolean coldStart = true;
        boolean coldStartOnly = false;
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = parseSizes(value(args, ++i));
                case "--runs" -> runs = Integer.parseInt(value(args, ++i));
                case "--long-runs" -> longRuns = Integer.parseInt(value(args, ++i));
                case "--paced-1000" -> pacedThousand = true;
                case "--no-cold-start" -> coldStart = false;
                case "--cold-start-only" -> coldStartOnly = true;
                case "--only" -> only = parseSections(value(args, ++i));
                // The smoke test's run: every section, one person, once.
                case "--quick" -> {
                    sizes = List.of(1);
                    runs = 1;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: " + USAGE);
            }
        }
        if (runs < 1 || longRuns < 1) {
            throw new IllegalArgumentException("--runs and --long-runs must be at least 1");
        }
        if (coldStartOnly && !coldStart) {
            throw new IllegalArgumentException("--cold-start-only and --no-cold-start exclude each other");
        }
        return new BenchOptions(sizes, runs, longRuns, pacedThousand, coldStart, coldStartOnly, only);
    }

    /** Whether {@code section} (one of {@link #SECTIONS}) is to run. */
    public boolean runs(String section) {
        return only.isEmpty() || only.contains(section);
    }

    private static Set<String> parseSections(String text) {
        Set<String> sections = java.util.Arrays.stream(text.split(",")).map(String::trim).collect(java.util.stream.Collectors.toSet());
        for (String section : sections) {
            if (!SECTIONS.contains(section)) {
                throw new IllegalArgumentException("unknown section " + section + "; usage: " + USAGE);
            }
        }
        return Set.copyOf(sections);
    }

    /** Runs for a row of {@code people}; {@code long} for the naive baseline and paced rows that take minutes. */
    public int runsFor(int people, boolean slowRow) {
        return slowRow && people >= LONG_ROW_PEOPLE ? longRuns : runs;
    }

    /** The sizes, plus 1 (the cold start's incident) and 20 (the latency and AWS-count incidents). */
    public List<Integer> directoryGroups() {
        List<Integer> groups = new ArrayList<>(sizes);
        for (int always : List.of(1, 20)) {
            if (!groups.contains(always)) {
                groups.add(always);
            }
        }
        return groups;
    }

    private static List<Integer> parseSizes(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value; usage: " + USAGE);
        }
        return args[i];
    }
}
