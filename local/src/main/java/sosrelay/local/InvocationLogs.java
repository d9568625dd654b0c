package sosrelay.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * What {@code aws lambda invoke --log-type Tail} shows: the invocation's log, START to REPORT, its last
 * 4 KB base64-encoded in {@code X-Amz-Log-Result}. The functions log to stdout, as on Lambda; stdout is
 * teed once so that what the invoking thread writes is also kept for that invocation (lines written
 * by the function's own helper threads go to the console only).
 */
final class InvocationLogs {
    static final int TAIL_BYTES = 4096;
    private static final ThreadLocal<ByteArrayOutputStream> CAPTURE = new ThreadLocal<>();

    private InvocationLogs() {
    }

    /** One invocation's log so far. */
    static final class Capture implements AutoCloseable {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final String requestId;
        private final long startNanos = System.nanoTime();
        private final int memorySize;

        private Capture(String requestId, int memorySize) {
            this.requestId = requestId;
            this.memorySize = memorySize;
        }

        /** END and REPORT, then the last 4 KB, base64. */
        String tailBase64() {
            System.out.flush();
            double millis = (System.nanoTime() - startNanos) / 1_000_000.0;
            long usedMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
            String end = String.format("END RequestId: %s%nREPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\t"
                    + "Memory Size: %d MB\tMax Memory Used: %d MB\t%n", requestId, requestId, millis, (long) Math.ceil(millis),
                    memorySize, usedMb);
            byte[] log = buffer.toByteArray();
            byte[] all = Arrays.copyOf(log, log.length + end.getBytes(StandardCharsets.UTF_8).length);
            System.arraycopy(end.getBytes(StandardCharsets.UTF_8), 0, all, log.length, all.length - log.length);
            byte[] tail = Arrays.copyOfRange(all, Math.max(0, all.length - TAIL_BYTES), all.length);
            return Base64.getEncoder().encodeToString(tail);
        }

        @Override
        public void close() {
            CAPTURE.remove();
        }
    }

    /** Starts keeping what this thread writes to stdout, beginning with Lambda's START line. */
    static Capture start(String requestId, int memorySize) {
        installTee();
        Capture capture = new Capture(requestId, memorySize);
        capture.buffer.writeBytes(("START RequestId: " + requestId + " Version: $LATEST\n").getBytes(StandardCharsets.UTF_8));
        CAPTURE.set(capture.buffer);
        return capture;
    }

    private static synchronized void installTee() {
        if (!(System.out instanceof TeedOut)) {
            System.setOut(new TeedOut(System.out));
        }
    }

    private static final class TeedOut extends PrintStream {
        TeedOut(PrintStream console) {
            super(new OutputStream() {
                @Override
                public void write(int b) {
                    console.write(b);
                    ByteArrayOutputStream capture = CAPTURE.get();
                    if (capture != null) {
                        capture.write(b);
                    }
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    console.write(bytes, offset, length);
                    ByteArrayOutputStream capture = CAPTURE.get();
                    if (capture != null) {
                        capture.write(bytes, offset, length);
                    }
                }

                @Override
                public void flush() throws IOException {
                    console.flush();
                }
            }, true, StandardCharsets.UTF_8);
        }
    }
}
