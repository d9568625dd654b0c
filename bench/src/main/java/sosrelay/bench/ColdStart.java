package sosrelay.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import sosrelay.bench.coldstart.LambdaLikeLauncher;
import sosrelay.bench.coldstart.MinimalHandler;
import sosrelay.bench.coldstart.PassthruInitSteps;
import sosrelay.bench.coldstart.SdkOnlyHandler;

/**
 * Fresh JVMs, as Lambda starts them without SnapStart: the Passthru function's {@code lambda.zip} unpacked as the
 * function's task root and loaded by its own class loader ({@link LambdaLikeLauncher}), timed from the process's
 * start to the first response; beside it, on the same zip, a handler that only builds the same SDK clients and makes
 * one GetItem, and one that returns a constant. Optionally with the AppCDS archive the build made for the zip.
 */
public final class ColdStart implements AutoCloseable {
    /** One fresh JVM's figures: start to first response, and (the Passthru's) init steps by name. */
    public record Run(double totalMillis, Map<String, Double> stepMillis) {
    }

    /** How many classes one fresh JVM loaded before it ended, and the names of those it took from the AppCDS archive. */
    public record Classes(long loaded, Set<String> fromAppCds) {
    }

    /** The handlers compared, each a probe class run in the function's class loader. */
    public enum Handler {
        PASSTHRU(PassthruInitSteps.class), SDK_ONLY(SdkOnlyHandler.class), MINIMAL(MinimalHandler.class);

        private final Class<?> probe;

        Handler(Class<?> probe) {
            this.probe = probe;
        }
    }

    private final Path workDir;
    private final Path task;
    private final Path launcher;
    private final Path archive;
    private final Map<String, String> functionEnvironment;
    private final String secret;

    private ColdStart(Path workDir, Path archive, Map<String, String> functionEnvironment) {
        this.workDir = workDir;
        this.task = workDir.resolve("task");
        this.launcher = workDir.resolve("launcher");
        this.archive = archive;
        this.functionEnvironment = functionEnvironment;
        this.secret = functionEnvironment.get("SOS_WEBHOOK_SECRET");
    }

    /**
     * {@code archive}: the zip's AppCDS archive ({@code target/appcds.jsa}); {@code functionEnvironment}: what the
     * template gives ExotelPassthruFunction on the running stack.
     */
    public static ColdStart prepare(Path lambdaZip, Path archive, Map<String, String> functionEnvironment) {
        try {
            ColdStart cold = new ColdStart(Files.createTempDirectory("sos-bench-coldstart-"), archive, functionEnvironment);
            unzip(lambdaZip, cold.task);
            // The probes sit at the task root, where a function's own classes would (Lambda's /var/task).
            for (Handler handler : Handler.values()) {
                copyClass(handler.probe, cold.task);
            }
            copyClass(LambdaLikeLauncher.class, cold.launcher);
            return cold;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM flag that maps the build's archive, if the build made one. */
    public Optional<String> archiveFlag() {
        return Files.isRegularFile(archive) ? Optional.of("-XX:SharedArchiveFile=" + archive) : Optional.empty();
    }

    public Run run(Handler handler, List<String> jvmFlags, String callSid) {
        return run(command(handler, jvmFlags, callSid));
    }

    /** What one fresh JVM of {@code handler} loads, read from {@code -Xlog:class+load}. */
    public Classes classesLoaded(Handler handler, List<String> jvmFlags, String callSid) {
        Path log = workDir.resolve("classes-" + System.nanoTime() + ".log");
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.add("-Xlog:class+load:file=" + log);
        run(command(handler, flags, callSid));
        try (Stream<String> lines = Files.lines(log)) {
            long loaded = 0;
            Set<String> fromAppCds = new HashSet<>();
            for (String line : (Iterable<String>) lines::iterator) {
                loaded++;
                // "[0.123s][info][class,load] java.lang.Object source: shared objects file (top)"
                if (line.endsWith("source: shared objects file (top)")) {
                    fromAppCds.add(line.substring(line.lastIndexOf(']') + 2, line.indexOf(" source: ")));
                }
            }
            return new Classes(loaded, fromAppCds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(Handler handler, List<String> jvmFlags, String callSid) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", launcher.toString(), LambdaLikeLauncher.class.getName(), task.toString(), handler.probe.getName()));
        if (handler == Handler.PASSTHRU) {
            command.addAll(List.of(secret, callSid));
        }
        return command;
    }

    private Run run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(functionEnvironment);
        long started = System.currentTimeMillis();
        Map<String, Double> steps = new LinkedHashMap<>();
        double total = Double.NaN;
        try {
            Process process = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    String[] words = line.split(" ", 3);
                    if (words[0].equals("main")) {
                        steps.put("JVM start to main()", (double) (Long.parseLong(words[1]) - started));
                    } else if (words[0].equals("step")) {
                        steps.put(words[2], Double.parseDouble(words[1]));
                    } else if (words[0].equals("response")) {
                        if (!words[1].startsWith("200") && !words[1].equals("OK")) {
                            throw new IllegalStateException("the fresh JVM answered " + line);
                        }
                        total = Long.parseLong(words[2].trim()) - started;
                    }
                }
            }
            if (process.waitFor() != 0 || Double.isNaN(total)) {
                throw new IllegalStateException("the fresh JVM failed: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Run(total, steps);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!entry.isDirectory() && target.startsWith(into)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }

    /** The probes run outside this jar: their class files are copied out of it. */
    private static void copyClass(Class<?> probe, Path root) throws IOException {
        String resource = probe.getName().replace('.', '/') + ".class";
        Path target = root.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = probe.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + workDir + ": " + e);
        }
    }
}
