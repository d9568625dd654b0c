package sosrelay.local.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What can go wrong at the provider, on demand, for the fault and load tests: a share of requests
 * answered 5xx, a share left hanging past the client's timeout (half of them then placing the call all the
 * same, as a slow provider does, half answering 504), and a call rate limit over a sliding
 * window answered 429 with Retry-After, as Exotel's 200-a-minute limit is.
 */
public final class ProviderTrouble {

    /** What to do with one connect request. */
    sealed interface Verdict {
        record Place() implements Verdict {
        }

        record ServerError() implements Verdict {
        }

        record Hang(Duration duration, boolean placesCall) implements Verdict {
        }

        record Throttle(long retryAfterSeconds) implements Verdict {
        }
    }

    private Random random = new Random(1);
    private double serverErrorShare;
    private double hangShare;
    private Duration hangFor = Duration.ZERO;
    private int limit = Integer.MAX_VALUE;
    private Duration window = Duration.ofMinutes(1);
    private final Deque<Instant> placed = new ArrayDeque<>();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger hangs = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();

    synchronized void failSome(double serverErrorShare, double hangShare, Duration hangFor, long seed) {
        this.serverErrorShare = serverErrorShare;
        this.hangShare = hangShare;
        this.hangFor = hangFor;
        this.random = new Random(seed);
    }

    synchronized void limit(int calls, Duration window) {
        this.limit = calls;
        this.window = window;
    }

    synchronized Verdict next(Instant now) {
        double roll = random.nextDouble();
        if (roll < serverErrorShare) {
            serverErrors.incrementAndGet();
            return new Verdict.ServerError();
        }
        if (roll < serverErrorShare + hangShare) {
            hangs.incrementAndGet();
            boolean placesCall = random.nextBoolean();
            if (placesCall) {
                placed.addLast(now);
            }
            return new Verdict.Hang(hangFor, placesCall);
        }
        while (!placed.isEmpty() && !placed.peekFirst().isAfter(now.minus(window))) {
            placed.removeFirst();
        }
        if (placed.size() >= limit) {
            throttled.incrementAndGet();
            long wait = Duration.between(now, placed.peekFirst().plus(window)).toMillis();
            return new Verdict.Throttle(Math.max(1, (wait + 999) / 1000));
        }
        placed.addLast(now);
        return new Verdict.Place();
    }

    /** How many requests were answered 5xx, left hanging, and throttled so far. */
    public record Counts(int serverErrors, int hangs, int throttled) {
    }

    Counts counts() {
        return new Counts(serverErrors.get(), hangs.get(), throttled.get());
    }
}
