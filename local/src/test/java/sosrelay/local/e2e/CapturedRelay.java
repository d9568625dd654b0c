package sosrelay.local.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;

/**
 * The local stack as {@code java -jar sos-local.jar} starts it (template, demo directory, sandboxes), with
 * {@code processEnvironment} as the shell's, and everything printed (the functions' logs and the sandboxes' lines)
 * kept, as the user would read it. Register it on a static field.
 */
final class CapturedRelay implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, String> processEnvironment;
    private final boolean madeUpCallSids;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private LocalRelay relay;

    private CapturedRelay(Map<String, String> processEnvironment, boolean madeUpCallSids) {
        this.processEnvironment = processEnvironment;
        this.madeUpCallSids = madeUpCallSids;
    }

    static CapturedRelay withEnvironment(Map<String, String> processEnvironment) {
        return new CapturedRelay(processEnvironment, false);
    }

    /** For a test that replays Passthrus with made-up CallSids ({@link LocalHttp#madeUpCallSids}). */
    CapturedRelay replayingMadeUpCallSids() {
        return new CapturedRelay(processEnvironment, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PrintStream capture = new PrintStream(output, true, StandardCharsets.UTF_8);
        originalOut = System.out;
        System.setOut(capture);
        LocalStackOptions options = LocalStackOptions.forTemplate(LocalTemplate.findTemplate());
        relay = LocalRelay.start(madeUpCallSids ? LocalHttp.madeUpCallSids(options) : options, processEnvironment, capture);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        relay.close();
        System.setOut(originalOut);
    }

    LocalRelay relay() {
        return relay;
    }

    /** Everything printed so far. */
    String output() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
