package sosrelay.delivery;

import java.time.Duration;

/** What a provider made of one request. */
public sealed interface SendResult {

    /** Taken: the provider's id for the call or message. */
    record Accepted(String providerId) implements SendResult {
    }

    /** Worth trying again (429, 5xx, a timeout); {@code retryAfter} is the provider's hint, or null. */
    record Transient(String reason, Duration retryAfter) implements SendResult {
    }

    /** Will never succeed as sent (bad number, bad credentials): recorded as failed, not retried. */
    record Permanent(String reason) implements SendResult {
    }
}
