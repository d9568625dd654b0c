package sosrelay.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each voice provider's health, as this worker instance has seen it: {@link #FAILURES_TO_OPEN} failures running (5xx,
 * 429, unreachable), or one timeout, open it for {@link #OPEN_FOR}; then one request is let through as a probe, and its success
 * closes it (its failure opens it again). Open, it is skipped while another provider is healthy. Kept in memory: each
 * instance learns within its first failures, and nothing is added to a call's path.
 */
public final class ProviderHealth {
    public static final int FAILURES_TO_OPEN = 2;
    public static final Duration OPEN_FOR = Duration.ofSeconds(30);

    private record State(int failures, Instant openUntil, boolean probing) {
        static final State HEALTHY = new State(0, null, false);
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProviderHealth(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether a request may go to {@code provider} now: it is closed, or its open time is over and no probe is out (this
     * call then takes the probe).
     */
    public boolean admits(String provider) {
        boolean[] admitted = {false};
        states.compute(provider, (name, state) -> {
            State current = state == null ? State.HEALTHY : state;
            if (current.openUntil() == null) {
                admitted[0] = true;
                return current;
            }
            if (!current.probing() && !clock.instant().isBefore(current.openUntil())) {
                admitted[0] = true;
                return new State(current.failures(), current.openUntil(), true);
            }
            return current;
        });
        return admitted[0];
    }

    /** Whether it is open (skipped) now, without taking a probe. */
    public boolean isOpen(String provider) {
        State state = states.getOrDefault(provider, State.HEALTHY);
        return state.openUntil() != null && (state.probing() || clock.instant().isBefore(state.openUntil()));
    }

    /** A probe {@link #admits} gave went unused (no request was sent after all): the next request may take it. */
    public void probeUnused(String provider) {
        states.computeIfPresent(provider, (name, state) -> state.probing() ? new State(state.failures(), state.openUntil(), false) : state);
    }

    /** It answered (a call accepted, or refused for good: either way it is up). */
    public void succeeded(String provider) {
        states.put(provider, State.HEALTHY);
    }

    /**
     * A request to it got no answer in time: open at once. A timeout costs the person its whole wait (8 s with Exotel), so
     * the attempts after it go to the next provider straight away rather than wait for a second one.
     */
    public void timedOut(String provider) {
        states.compute(provider, (name, state) -> new State((state == null ? 0 : state.failures()) + 1, clock.instant().plus(OPEN_FOR), false));
    }

    Instant now() {
        return clock.instant();
    }

    /** It failed (5xx, 429, unreachable): enough of these running open it. */
    public void failed(String provider) {
        states.compute(provider, (name, state) -> {
            State current = state == null ? State.HEALTHY : state;
            int failures = current.failures() + 1;
            boolean open = current.probing() || failures >= FAILURES_TO_OPEN;
            return new State(failures, open ? clock.instant().plus(OPEN_FOR) : current.openUntil(), false);
        });
    }
}
