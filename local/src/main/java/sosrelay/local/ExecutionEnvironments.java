package sosrelay.local;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A function's execution environments, as Lambda keeps them: each runs one invocation at a time with its own
 * handler instance (its own Wiring, SDK clients and pools); a concurrent invocation gets an idle one or a new
 * one (a cold start), and a finished one waits for the next. Concurrency is bounded where Lambda bounds it:
 * by the pollers of an SQS event source (its MaximumConcurrency), not here.
 */
final class ExecutionEnvironments {

    /** Builds one handler instance: the function's init phase. */
    @FunctionalInterface
    interface Init {
        Object handler() throws ReflectiveOperationException;
    }

    private final Init init;
    private final Deque<Object> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger created = new AtomicInteger();

    /** Starts with one environment, so a handler that cannot be built fails at start-up, as a deployment would. */
    ExecutionEnvironments(Init init) throws ReflectiveOperationException {
        this.init = init;
        idle.push(create());
    }

    /** An idle environment's handler, the most recently used first (the warmest), or a new one. */
    Object acquire() {
        Object handler = idle.pollFirst();
        if (handler != null) {
            return handler;
        }
        try {
            return create();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start another execution environment: " + e, e);
        }
    }

    /** A new environment's handler, whatever is idle: a snapshot is primed right after its init, before any invocation. */
    Object acquireNew() {
        try {
            return create();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start another execution environment: " + e, e);
        }
    }

    void release(Object handler) {
        idle.push(handler);
    }

    /** How many environments have been started so far. */
    int started() {
        return created.get();
    }

    private Object create() throws ReflectiveOperationException {
        Object handler = init.handler();
        created.incrementAndGet();
        return handler;
    }
}
