package sosrelay.local.iam;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;

/**
 * For tests that drive one side of a race on purpose: something to run once, on the function's own thread, just
 * before a request of one function's SDK clients is sent (its role has allowed it). A callback that a worker's write
 * beats, or that beats the worker, is then a scenario of its own, not a matter of timing.
 */
public final class RequestHooks {
    /** A request about to be sent: the function's logical id, the SDK's service and operation names, the request. */
    public record Request(String function, String service, String operation, SdkRequest request) {
    }

    private record Hook(Predicate<Request> when, Consumer<Request> then, AtomicBoolean fired) {
    }

    private final List<Hook> hooks = new CopyOnWriteArrayList<>();

    /** Runs {@code then} before the first request {@code when} matches, once; what it throws fails that request. */
    public void once(Predicate<Request> when, Consumer<Request> then) {
        hooks.add(new Hook(when, then, new AtomicBoolean()));
    }

    void before(Request request) {
        for (Hook hook : hooks) {
            if (!hook.fired().get() && hook.when().test(request) && hook.fired().compareAndSet(false, true)) {
                hooks.remove(hook);
                hook.then().accept(request);
            }
        }
    }
}
