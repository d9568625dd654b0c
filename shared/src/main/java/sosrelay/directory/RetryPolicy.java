package sosrelay.directory;

import java.time.Duration;

/**
 * How often a call that ends unanswered, busy or failed is placed again.
 *
 * @param attempts calls per person in all, the first included
 * @param after    the wait before each retry
 */
public record RetryPolicy(int attempts, Duration after) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMinutes(2));
}
