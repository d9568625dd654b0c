package sosrelay.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * While {@link #start()}ed, when each AWS request made in this JVM began and ended (wall-clock milliseconds, as the
 * stand-in provider logs its arrivals), who made it, and what it carried (the request's text; for a poller's
 * ReceiveMessage, the bodies it got): enough to follow one incident through the Passthru, the queue, the poller and
 * the worker by its id. Loaded like {@link AwsRequestCounter}, as a global interceptor; off, it records nothing.
 */
public final class RequestTrace implements ExecutionInterceptor {
    /** One request: {@code madeBy} is the nearest project frame ({@code IncidentStore.create}, {@code SqsPoller.collectBatch}). */
    public record Event(long begin, long end, String thread, String operation, String madeBy, String text, int messages) {
        public boolean mentions(String id) {
            return text.contains(id);
        }
    }

    private static final ExecutionAttribute<Long> BEGIN = new ExecutionAttribute<>("sos-bench-trace-begin");
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final ConcurrentLinkedQueue<Event> EVENTS = new ConcurrentLinkedQueue<>();
    private static volatile boolean on;

    public RequestTrace() {
    }

    public static void start() {
        EVENTS.clear();
        on = true;
    }

    /** Stops recording; what was recorded, in no particular order. */
    public static List<Event> stop() {
        on = false;
        return new ArrayList<>(EVENTS);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (on) {
            attributes.putAttribute(BEGIN, System.currentTimeMillis());
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Long begin = attributes.getAttribute(BEGIN);
        if (!on || begin == null) {
            return;
        }
        Optional<StackWalker.StackFrame> madeBy = WALKER.walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("sosrelay.") && !f.getClassName().startsWith("sosrelay.bench."))
                .findFirst());
        if (madeBy.isEmpty()) {
            return;
        }
        String className = madeBy.get().getClassName();
        String text = context.request().toString();
        int messages = 0;
        if (context.response() instanceof ReceiveMessageResponse received) {
            messages = received.messages().size();
            text = String.join("\n", received.messages().stream().map(Message::body).toList());
        }
        EVENTS.add(new Event(begin, System.currentTimeMillis(), Thread.currentThread().getName(),
                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " " + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                className.substring(className.lastIndexOf('.') + 1) + "." + madeBy.get().getMethodName(), text, messages));
    }
}
