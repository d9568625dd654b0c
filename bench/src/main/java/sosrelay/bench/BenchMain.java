package sosrelay.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code java -jar bench/target/sos-bench.jar}: runs the benchmarks and prints the table, with the machine it ran on. */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String before = loadAverage();
        // The functions log every incident to stdout, as on Lambda: thousands of lines that would bury the table.
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        Table table = new Benchmark(options, System.err).run();
        System.setOut(out);
        System.out.println("# SOS Relay benchmarks: " + String.join(" ", args));
        System.out.printf("# %d cores, %s memory, JDK %s (%s); load average before %s, after %s%n",
                Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), before, loadAverage());
        System.out.println("# medians, (min–max, runs); a shared machine: compare figures from the same run only");
        table.print(System.out);
        System.exit(0);
    }

    private static String loadAverage() {
        return firstLine(Path.of("/proc/loadavg")).map(l -> String.join(" ", java.util.Arrays.copyOf(l.split(" "), 3))).orElse("n/a");
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB").findFirst().orElse("n/a");
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static java.util.Optional<String> firstLine(Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
