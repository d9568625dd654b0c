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

    /**
     * The request went out but its answer never came, or came without the provider's id (a timeout, a dropped
     * connection): the provider may have taken it. Sent again blindly, it could ring someone twice.
     */
    record Unknown(String reason, String provider) implements SendResult {
        public Unknown(String reason) {
            this(reason, null);
        }

        /** The same, saying which provider was asked (with several, only it is asked later what it placed). */
        public Unknown askedOf(String name) {
            return new Unknown(reason, name);
        }
    }

    /** Will never succeed as sent (bad number, bad credentials): recorded as failed, not retried. */
    record Permanent(String reason) implements SendResult {
    }
}
