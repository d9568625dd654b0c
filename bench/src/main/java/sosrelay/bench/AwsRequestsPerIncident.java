package sosrelay.bench;

import java.time.Duration;
import java.util.Map;

/**
 * The AWS requests one call-only incident costs end to end: from the Passthru to the last call
 * placed and its job deleted from the queue. Status callbacks are not included (the stand-in does
 * not send them); nor are the SQS pollers' ReceiveMessage requests, which Lambda's pollers make
 * whether or not anything happens.
 */
public final class AwsRequestsPerIncident {
    /** Long enough for what follows the last connect: the worker's own writes and the poller's delete. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final BenchStack stack;
    private final SlowExotel exotel;

    public AwsRequestsPerIncident(BenchStack stack, SlowExotel exotel) {
        this.stack = stack;
        this.exotel = exotel;
    }

    public Map<AwsRequestCounter.Key, Long> count(int people) {
        TimeToLastDispatch incident = new TimeToLastDispatch(stack, exotel, Duration.ZERO);
        // One incident first: the directory is then in the function's cache, as on a warm Lambda.
        incident.once(people);
        BenchStack.pause(SETTLE);
        AwsRequestCounter.reset();
        incident.once(people);
        BenchStack.pause(SETTLE);
        Map<AwsRequestCounter.Key, Long> counts = AwsRequestCounter.snapshot();
        counts.keySet().removeIf(key -> key.caller() == AwsRequestCounter.Caller.POLLER && key.operation().equals("ReceiveMessage"));
        return counts;
    }
}
