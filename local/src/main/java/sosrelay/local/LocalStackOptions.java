package sosrelay.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How to start the local stack.
 *
 * @param template             the SAM template to serve
 * @param host                 the address the API binds to
 * @param port                 the API's port; 0 picks a free one
 * @param dataDir              where tables and queued messages persist; empty keeps everything in memory
 * @param contactsFile         a contacts file for the directory loader, if the caller has one
 * @param environmentOverrides variables every function gets, above the template's values and below the process environment
 */
public record LocalStackOptions(
        Path template,
        String host,
        int port,
        Optional<Path> dataDir,
        Optional<Path> contactsFile,
        Map<String, String> environmentOverrides) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3000;

    public LocalStackOptions {
        environmentOverrides = Map.copyOf(environmentOverrides);
    }

    /** In memory, on 127.0.0.1 and a free port: what tests want. */
    public static LocalStackOptions forTemplate(Path template) {
        return new LocalStackOptions(template, DEFAULT_HOST, 0, Optional.empty(), Optional.empty(), Map.of());
    }

    public LocalStackOptions withPort(int port) {
        return new LocalStackOptions(template, host, port, dataDir, contactsFile, environmentOverrides);
    }

    public LocalStackOptions withHost(String host) {
        return new LocalStackOptions(template, host, port, dataDir, contactsFile, environmentOverrides);
    }

    public LocalStackOptions withDataDir(Path dataDir) {
        return new LocalStackOptions(template, host, port, Optional.of(dataDir), contactsFile, environmentOverrides);
    }

    public LocalStackOptions withContactsFile(Path contactsFile) {
        return new LocalStackOptions(template, host, port, dataDir, Optional.of(contactsFile), environmentOverrides);
    }

    public LocalStackOptions withEnvironmentOverrides(Map<String, String> overrides) {
        return new LocalStackOptions(template, host, port, dataDir, contactsFile, overrides);
    }
}
