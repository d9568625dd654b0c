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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import sosrelay.bench.coldstart.MinimalHandler;
import sosrelay.bench.coldstart.PassthruInitSteps;

/**
 * Fresh JVMs, as Lambda starts them without SnapStart: the Passthru function on its deployment
 * package's {@code lib/*.jar} (unpacked from {@code lambda.zip}) to its first response, and the
 * {@link MinimalHandler} beside it. Each is timed from the process's start to the response.
 */
public final class ColdStart implements AutoCloseable {
    /** One fresh JVM's figures: start to first response, and the Passthru's init steps by name. */
    public record Run(double totalMillis, Map<String, Double> stepMillis) {
    }

    private final Path workDir;
    private final String classpath;
    private final String minimalClasspath;
    private final Map<String, String> functionEnvironment;
    private final String secret;

    private ColdStart(Path workDir, String classpath, String minimalClasspath, Map<String, String> functionEnvironment) {
        this.workDir = workDir;
        this.classpath = classpath;
        this.minimalClasspath = minimalClasspath;
        this.functionEnvironment = functionEnvironment;
        this.secret = functionEnvironment.get("SOS_WEBHOOK_SECRET");
    }

    /** {@code functionEnvironment}: what the template gives ExotelPassthruFunction on the running stack. */
    public static ColdStart prepare(Path lambdaZip, Map<String, String> functionEnvironment) {
        try {
            Path workDir = Files.createTempDirectory("sos-bench-coldstart-");
            Path lib = workDir.resolve("lib");
            unzipJars(lambdaZip, lib);
            Path probes = workDir.resolve("probes");
            copyClass(PassthruInitSteps.class, probes);
            copyClass(MinimalHandler.class, probes);
            List<Path> jars;
            try (Stream<Path> files = Files.list(lib)) {
                jars = files.sorted().toList();
            }
            String libClasspath = jars.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
            String lambdaCore = jars.stream().filter(j -> j.getFileName().toString().startsWith("aws-lambda-java-core"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no aws-lambda-java-core in " + lambdaZip)).toString();
            return new ColdStart(workDir, probes + java.io.File.pathSeparator + libClasspath,
                    probes + java.io.File.pathSeparator + lambdaCore, functionEnvironment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Run passthru(List<String> jvmFlags, String callSid) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", classpath));
        command.addAll(jvmFlags);
        command.addAll(List.of(PassthruInitSteps.class.getName(), secret, callSid));
        return run(command);
    }

    public Run minimal(List<String> jvmFlags) {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", minimalClasspath));
        command.addAll(jvmFlags);
        command.add(MinimalHandler.class.getName());
        return run(command);
    }

    /** How many classes a fresh JVM loads before answering, read from {@code -Xlog:class+load}; {@code callSid} null for the minimal handler. */
    public long classesLoaded(String callSid) {
        Path log = workDir.resolve("classes-" + System.nanoTime() + ".log");
        List<String> flags = List.of("-Xlog:class+load:file=" + log);
        if (callSid == null) {
            minimal(flags);
        } else {
            passthru(flags, callSid);
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static void unzipJars(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                    Files.copy(in, into.resolve(Path.of(entry.getName()).getFileName()));
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
