package sosrelay.bench;

import java.time.Duration;
import java.util.List;

/**
 * One large fan-out against the provider's real limit, time-compressed: the pacer's window is {@code window}
 * instead of a minute (the limit per window unchanged), so 1,000 people take seconds rather than minutes. The
 * stand-in keeps every arrival: the largest count in any window is what Exotel would have counted, and any
 * count over its 200 would have been answered 429.
 */
public final class AtTheLimit {
    /** Exotel's own limit per window: requests beyond it are answered 429. */
    private static final int EXOTEL_LIMIT = 200;

    /** @param firstWave     ms from the trigger to the request of the last of the first {@code waveSize}
     *  @param last          ms from the trigger to the last request
     *  @param mostInAWindow the largest number of requests in any window
     *  @param refused       how many Exotel would have answered 429 (over its 200 in a window) */
    public record Result(int people, int waveSize, double firstWave, double last, int mostInAWindow, int refused) {
    }

    private final BenchStack stack;
    private final SlowExotel exotel;
    private final Duration window;

    public AtTheLimit(BenchStack stack, SlowExotel exotel, Duration window) {
        this.stack = stack;
        this.exotel = exotel;
        this.window = window;
    }

    public Result once(int people, int waveSize) {
        exotel.forget();
        long trigger = System.currentTimeMillis();
        stack.passthruIncident("limit-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), BenchStack.typeFor(people));
        BenchStack.await(people + " connects", Duration.ofMinutes(5), () -> exotel.connects() >= people);
        List<Long> arrivals = exotel.arrivals();
        BenchStack.await("the call queue to drain", Duration.ofSeconds(60), stack::callQueueEmpty);
        return new Result(people, waveSize, arrivals.get(waveSize - 1) - trigger, arrivals.get(arrivals.size() - 1) - trigger,
                exotel.largestInAnyWindow(window), exotel.overTheLimit(window, EXOTEL_LIMIT));
    }
}
