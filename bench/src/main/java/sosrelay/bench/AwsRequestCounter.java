package sosrelay.bench;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS request made in this JVM, by service, operation and the project class that made
 * it. The SDK loads it as a global interceptor from this module's
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so no production code
 * knows it exists. Requests made by the benchmark itself are not counted.
 */
public final class AwsRequestCounter implements ExecutionInterceptor {
    /** Who made a request: the function's own code, or the local stack playing Lambda's SQS poller. */
    public enum Caller { FUNCTION, POLLER }

    /** One line of the count: {@code DynamoDb PutItem} from {@code IncidentStore.create}. */
    public record Key(Caller caller, String service, String operation, String madeBy) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            return toString().compareTo(other.toString());
        }
    }

    /**
     * Where in a delivery worker's job a request was made: {@code BEFORE} the provider request (the incident's state, the
     * budget, the claim), {@code AFTER} it (recording the acceptance: {@code DeliveryWorker.accepted} is on the stack);
     * {@code NONE} outside the worker (the Passthru, the poller, timers).
     */
    public enum Phase { BEFORE, AFTER, NONE }

    /** One line of the phase count: a worker's requests to {@code service} in {@code phase}. */
    public record PhaseKey(Phase phase, String service) {
    }

    private static final Map<Key, LongAdder> COUNTS = new ConcurrentHashMap<>();
    private static final Map<PhaseKey, LongAdder> PHASES = new ConcurrentHashMap<>();
    private static final String WORKER = "sosrelay.delivery.DeliveryWorker";
    private static final StackWalker WALKER = StackWalker.getInstance();

    /** The SDK makes one per client; the counts are shared. */
    public AwsRequestCounter() {
    }

    public static void reset() {
        COUNTS.clear();
        PHASES.clear();
    }

    public static Map<PhaseKey, Long> phases() {
        Map<PhaseKey, Long> copy = new java.util.HashMap<>();
        PHASES.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    public static Map<Key, Long> snapshot() {
        Map<Key, Long> copy = new TreeMap<>();
        COUNTS.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        // Sync clients run this on the caller's thread: the nearest project frame says who asked.
        Optional<StackWalker.StackFrame> madeBy = WALKER.walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("sosrelay.") && !f.getClassName().startsWith("sosrelay.bench.AwsRequestCounter"))
                .findFirst());
        if (madeBy.isEmpty() || madeBy.get().getClassName().startsWith("sosrelay.bench.")) {
            return;
        }
        String className = madeBy.get().getClassName();
        Caller caller = className.startsWith("sosrelay.local.") ? Caller.POLLER : Caller.FUNCTION;
        Key key = new Key(caller, attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                className.substring(className.lastIndexOf('.') + 1) + "." + madeBy.get().getMethodName());
        COUNTS.computeIfAbsent(key, k -> new LongAdder()).increment();
        PHASES.computeIfAbsent(new PhaseKey(phase(), key.service()), k -> new LongAdder()).increment();
    }

    private static Phase phase() {
        return WALKER.walk(frames -> {
            Phase phase = Phase.NONE;
            for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                if (frame.getClassName().startsWith(WORKER)) {
                    if (frame.getMethodName().equals("accepted")) {
                        return Phase.AFTER;
                    }
                    phase = Phase.BEFORE;
                }
            }
            return phase;
        });
    }
}
