package sosrelay.local.backends;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** DynamoDB Local as an HTTP server on a free port, in memory or in a directory. */
final class DynamoDbLocalServer implements AutoCloseable {
    /** Held: java.util.logging forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger SQLITE_LOGGER = java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    static DynamoDbLocalServer start(Optional<Path> dbDir) {
        quietLogging();
        // DynamoDB Local rejects -port 0 and has no bind address flag: pick a free port ourselves. Another JVM (the
        // build runs test classes in two) may bind it first: then try another.
        for (int tries = 1; ; tries++) {
            int port = FreePorts.pick();
            try {
                return start(dbDir, port);
            } catch (IllegalStateException e) {
                if (tries == 3 || !(rootCause(e) instanceof java.net.BindException)) {
                    throw e;
                }
            }
        }
    }

    private static DynamoDbLocalServer start(Optional<Path> dbDir, int port) {
        List<String> args = new ArrayList<>(List.of("-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)));
        if (dbDir.isPresent()) {
            createDirectories(dbDir.get());
            args.addAll(List.of("-dbPath", dbDir.get().toAbsolutePath().toString()));
        } else {
            args.add("-inMemory");
        }
        DynamoDBProxyServer server = null;
        try {
            server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            // sqlite4java warns "unknown jar version" when its classes come from a shaded jar; DynamoDB
            // Local sets that logger's level while it is created, so quieten it afterwards.
            SQLITE_LOGGER.setLevel(java.util.logging.Level.SEVERE);
            server.start();
            return new DynamoDbLocalServer(server, port);
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception alreadyDown) {
                // it never started: nothing to stop
            }
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        }
    }

    /** It logs a WARN for every failed conditional write, which the application does on purpose. */
    private static void quietLogging() {
        Configurator.setLevel("com.amazonaws.services.dynamodbv2.local", Level.ERROR);
        Configurator.setLevel("com.amazonaws.services.dynamodbv2", Level.ERROR);
        Configurator.setLevel("org.eclipse.jetty", Level.WARN);
    }


    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
