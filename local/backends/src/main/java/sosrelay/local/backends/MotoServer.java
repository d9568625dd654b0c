package sosrelay.local.backends;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SSM Parameter Store for the local stack: moto's server ({@code python3 -m moto.server}), a real implementation of the
 * SSM API, on 127.0.0.1 and a free port, in a child process stopped with the backends. Started only when a stack or a
 * test asks for SSM ({@link LocalBackends#start(java.util.Optional, boolean)}): the README's local stack needs no Python.
 * Its parameters live in memory. {@code SOS_LOCAL_PYTHON} names another interpreter than {@code python3}.
 */
public final class MotoServer implements AutoCloseable {
    public static final String PYTHON_VARIABLE = "SOS_LOCAL_PYTHON";
    /** What to do when moto is missing: .ci/run and local/tools/ensure-moto do it. */
    public static final String INSTALL_HINT = "the local SSM needs moto's server in python3: python3 -m pip install 'moto[server]'"
            + " (local/tools/ensure-moto does it; " + PYTHON_VARIABLE + " names another python)";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final URI endpoint;
    private final Thread killOnExit;

    private MotoServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        // A JVM that exits without close() (a killed test run) must not leave the server behind.
        this.killOnExit = new Thread(process::destroyForcibly, "moto-server-stop");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** The first Python here whose moto has its server: $SOS_LOCAL_PYTHON, python3 on the PATH, then pyenv's. */
    private static volatile String python;

    public static MotoServer start() {
        String python = python();
        int port = FreePorts.pick();
        Path log;
        try {
            log = Files.createTempFile("moto-server-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // The account the local ARNs name (LocalArns), so moto's answers carry the same ARNs the local IAM checks.
        builder.environment().put("MOTO_ACCOUNT_ID", LocalBackends.ACCOUNT_ID);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            deleteQuietly(log);
            throw new IllegalStateException("cannot run " + python + " (" + e.getMessage() + "): " + INSTALL_HINT, e);
        }
        MotoServer server = new MotoServer(process, log, port);
        try {
            server.awaitReady();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    private static String python() {
        String known = python;
        if (known != null) {
            return known;
        }
        List<String> candidates = new java.util.ArrayList<>();
        String chosen = System.getenv(PYTHON_VARIABLE);
        if (chosen != null && !chosen.isBlank()) {
            candidates.add(chosen);
        }
        candidates.add("python3");
        candidates.add(System.getProperty("user.home") + "/.pyenv/shims/python3");
        candidates.add("/usr/local/bin/python3");
        // Debian's own, where local/tools/ensure-moto installs python3-moto with apt when pip cannot reach PyPI.
        candidates.add("/usr/bin/python3");
        for (String candidate : candidates) {
            if (hasMoto(candidate)) {
                python = candidate;
                return candidate;
            }
        }
        // None has it: the first, whose failure to start names what to install.
        return candidates.get(0);
    }

    private static boolean hasMoto(String candidate) {
        try {
            Process probe = new ProcessBuilder(candidate, "-c", "import moto.server, flask, flask_cors")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                String output = output();
                throw new IllegalStateException("moto's server stopped at once"
                        + (output.contains("No module named") ? ": " + INSTALL_HINT : "") + "\n" + output);
            }
            if (answers()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("moto's server did not answer within " + START_TIMEOUT + "\n" + output());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while moto's server started", e);
            }
        }
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private String output() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway.
            }
            deleteQuietly(log);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file
        }
    }

}
