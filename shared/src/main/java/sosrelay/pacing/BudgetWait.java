package sosrelay.pacing;

import java.time.Duration;

/** Waits in the worker for a slot the budget said is near. */
public final class BudgetWait {
    private BudgetWait() {
    }

    /**
     * Sleeps {@code wait} (nothing when it is not positive). An interrupt means the worker is being stopped: the
     * job is left to its queue rather than sent half-way through a shutdown.
     */
    public static void sleep(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the provider budget", e);
        }
    }
}
