package sosrelay.wiring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import sosrelay.log.Log;

/**
 * Runs a function's warm-up just before SnapStart takes its snapshot, so the classes and the SDK
 * clients' first-request work are already in the snapshot instead of in a live caller's wait.
 */
public final class SnapStartPriming implements Resource {
    /**
     * A handler with a warm-up: its no-argument constructor (Lambda's) registers it; the local stack runs it under the
     * function's role when asked to prime, as Lambda does when it publishes a version, and on each new execution
     * environment with {@code SOS_LOCAL_SNAPSTART=on} (primed, then invoked, as a restored one).
     */
    public interface Primed {
        void warmUp();
    }

    /** CRaC may hold resources weakly; this keeps them alive until the checkpoint. */
    private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final Runnable warmUp;

    private SnapStartPriming(Runnable warmUp) {
        this.warmUp = warmUp;
    }

    public static void register(Runnable warmUp) {
        SnapStartPriming priming = new SnapStartPriming(warmUp);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    /** Runs one handler's warm-up now, as {@link #beforeCheckpoint} does (a failure only logged): the local stack's priming. */
    public static void prime(Primed handler) {
        new SnapStartPriming(handler::warmUp).beforeCheckpoint(null);
    }

    /**
     * Runs every registered warm-up now, as SnapStart would before its snapshot: for the build's AppCDS training
     * ({@code functions/AppCdsTraining.java}), whose JVM has no CRaC to call them.
     */
    public static void warmUpAll() {
        REGISTERED.forEach(priming -> priming.beforeCheckpoint(null));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        run(warmUp);
    }

    /** Runs a handler's warm-up as SnapStart would before its snapshot. */
    public static void warmUp(Primed handler) {
        run(handler::warmUp);
    }

    private static void run(Runnable warmUp) {
        try {
            warmUp.run();
        } catch (RuntimeException e) {
            // A warm-up that fails (no directory yet, say) only costs the first caller some time.
            Log.warn("snapstart.priming-failed", "error", e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the SDK clients resolve credentials and connections on use.
    }
}
