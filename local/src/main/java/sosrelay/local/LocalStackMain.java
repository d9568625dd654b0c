package sosrelay.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import sosrelay.directory.InvalidDirectoryException;

/**
 * {@code java -jar local/target/sos-local.jar [--port 3000] [--host 127.0.0.1] [--contacts FILE]
 * [--data-dir DIR] [--template template.yaml]}. Importing a directory into a deployed stack is the
 * import-directory tool's job (tools/import-directory): this jar carries DynamoDB Local and is no production tool.
 */
public final class LocalStackMain {
    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("import-directory")) {
            System.err.println("import-directory has its own jar now: java -jar tools/import-directory/target/import-directory.jar"
                    + " --file contacts.yaml --table <DirectoryTableName> [--region REGION] [--profile PROFILE] (docs/deploy.md)");
            System.exit(2);
            return;
        }
        LocalStackOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: java -jar sos-local.jar [--port 3000] [--host 127.0.0.1] [--contacts FILE] [--data-dir DIR] [--template template.yaml]");
            System.exit(2);
            return;
        }
        LocalRelay relay;
        try {
            relay = LocalRelay.start(options, System.getenv(), System.out);
        } catch (InvalidDirectoryException | IllegalArgumentException | IllegalStateException e) {
            // A directory, a sandbox script or a setting the user wrote (every function's init is tried): the message
            // says what to fix, and "Ready" is never printed.
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack...");
            relay.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        relay.printWelcome(System.out);
        System.out.println("Ready. Ctrl-C to stop.");
        stopped.await();
    }

    static LocalStackOptions parse(String[] args) {
        Optional<Path> template = Optional.empty();
        LocalStackOptions options = LocalStackOptions.forTemplate(Path.of("template.yaml")).withPort(LocalStackOptions.DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> options = options.withPort(port(value));
                case "--host" -> options = options.withHost(value);
                case "--contacts" -> options = options.withContactsFile(Path.of(value));
                case "--data-dir" -> options = options.withDataDir(Path.of(value));
                case "--template" -> template = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        Path found = template.map(LocalStackMain::existing).orElseGet(LocalStackMain::findTemplate);
        return new LocalStackOptions(found, options.host(), options.port(), options.dataDir(), options.contactsFile(),
                options.environmentOverrides());
    }

    private static int port(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, not " + value);
        }
    }

    private static Path existing(Path template) {
        if (!Files.isRegularFile(template)) {
            throw new IllegalArgumentException("template " + template.toAbsolutePath() + " does not exist");
        }
        return template;
    }

    /** ./template.yaml, else the nearest one above the jar (local/target/sos-local.jar -> ../../template.yaml). */
    private static Path findTemplate() {
        Path inWorkingDirectory = Path.of("template.yaml");
        if (Files.isRegularFile(inWorkingDirectory)) {
            return inWorkingDirectory;
        }
        try {
            Path jar = Path.of(LocalStackMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("template.yaml");
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        } catch (Exception e) {
            // No code source location: only the working directory counts.
        }
        throw new IllegalArgumentException("no template.yaml in " + Path.of("").toAbsolutePath()
                + " nor above the jar; pass --template FILE");
    }
}
