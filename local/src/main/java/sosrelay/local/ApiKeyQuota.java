package sosrelay.local;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import sosrelay.local.backends.UsagePlanQuota;

/**
 * The usage plan's quota as API Gateway applies it: each API key may make {@code limit} requests per
 * period (periods start at midnight UTC); the next one is answered 429 without invoking the function.
 */
final class ApiKeyQuota {
    private record Window(long index, long used) {
    }

    private final UsagePlanQuota quota;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ApiKeyQuota(UsagePlanQuota quota, Clock clock) {
        this.quota = quota;
        this.clock = clock;
    }

    /** Counts the request against the key's quota: false once the period's quota is spent. */
    boolean admit(String apiKey) {
        long index = clock.millis() / quota.period().toMillis();
        Window window = windows.compute(apiKey, (key, current) -> current == null || current.index() != index
                ? new Window(index, 1)
                : new Window(index, current.used() + 1));
        return window.used() <= quota.limit();
    }

    long limit() {
        return quota.limit();
    }

    Duration period() {
        return quota.period();
    }
}
