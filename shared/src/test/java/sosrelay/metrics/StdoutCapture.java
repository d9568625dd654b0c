package sosrelay.metrics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import sosrelay.json.Json;

/** What the code under test writes to stdout, kept (and still shown) until closed; the metric lines parsed. */
public final class StdoutCapture implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    public StdoutCapture() {
        System.setOut(new PrintStream(new TeeStream(captured, original), true, StandardCharsets.UTF_8));
    }

    public List<String> lines() {
        System.out.flush();
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The embedded-metric-format lines, parsed. */
    public List<Map<String, Object>> metricLines() {
        return lines().stream().filter(line -> line.startsWith("{\"_aws\"")).map(Json::readObject).toList();
    }

    @Override
    public void close() {
        System.setOut(original);
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
