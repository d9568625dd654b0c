package sosrelay.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trigger to the last recipient's provider request: the Passthru request goes out, and the clock
 * stops when the stand-in has received a connect for every one of the {@code people}. That is when
 * the last doctor's phone could start ringing.
 */
public final class TimeToLastDispatch {
    private static final AtomicInteger CALL_SIDS = new AtomicInteger();

    private final BenchStack stack;
    private final SlowExotel exotel;
    private final Duration restBetweenRuns;

    /** {@code restBetweenRuns}: how long the pacer needs to give back a whole burst, so each run starts rested. */
    public TimeToLastDispatch(BenchStack stack, SlowExotel exotel, Duration restBetweenRuns) {
        this.stack = stack;
        this.exotel = exotel;
        this.restBetweenRuns = restBetweenRuns;
    }

    public Samples measure(int people, int runs) {
        return Samples.repeat(runs, () -> once(people));
    }

    /** One incident, timed; waits for its queue to drain so the next run has the workers to itself. */
    public double once(int people) {
        BenchStack.pause(restBetweenRuns);
        exotel.forget();
        String callSid = "bench-" + ProcessHandle.current().pid() + "-" + CALL_SIDS.incrementAndGet();
        long trigger = System.currentTimeMillis();
        int status = stack.passthru(callSid, BenchStack.typeFor(people));
        if (status != 200) {
            throw new IllegalStateException("the Passthru answered " + status + " for " + callSid);
        }
        Duration limit = Duration.ofSeconds(60).plus(Duration.ofMillis(people * 500L));
        BenchStack.await(people + " connects", limit, () -> exotel.lastArrivalMillis(people).isPresent());
        long last = exotel.lastArrivalMillis(people).orElseThrow();
        BenchStack.await("the call queue to drain", Duration.ofSeconds(60), stack::callQueueEmpty);
        return last - trigger;
    }
}
