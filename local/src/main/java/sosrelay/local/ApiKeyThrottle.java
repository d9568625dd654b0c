package sosrelay.local;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sosrelay.local.backends.UsagePlanThrottle;

/**
 * The usage plan's throttle as API Gateway applies it to each API key: a token bucket holding {@code burst}
 * requests and refilled at {@code ratePerSecond}; a request that finds it empty is answered 429 without
 * invoking the function, and does not count against the quota.
 */
final class ApiKeyThrottle {
    private record Bucket(double tokens, long atMillis) {
    }

    private final UsagePlanThrottle throttle;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ApiKeyThrottle(UsagePlanThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Takes a request from the key's bucket: false when it is empty. */
    boolean admit(String apiKey) {
        long now = clock.millis();
        boolean[] admitted = {false};
        buckets.compute(apiKey, (key, bucket) -> {
            double tokens = bucket == null ? throttle.burst()
                    : Math.min(throttle.burst(), bucket.tokens() + (now - bucket.atMillis()) * throttle.ratePerSecond() / 1000.0);
            admitted[0] = tokens >= 1;
            return new Bucket(admitted[0] ? tokens - 1 : tokens, now);
        });
        return admitted[0];
    }
}
