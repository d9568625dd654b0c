package sosrelay.pacing;

import java.time.Duration;
import java.time.Instant;

/** When a provider request may go out, so that all senders together stay under the provider's rate. */
public interface Pacer {

    /** Reserves the next free send time: now, or later when the rate is used up. */
    Instant reserve();

    /** The provider asked everyone to wait (a 429 with Retry-After): no reservation before then. */
    void pushBack(Duration wait);

    /** For providers without a rate limit worth pacing. */
    Pacer NONE = new Pacer() {
        @Override
        public Instant reserve() {
            return Instant.EPOCH;
        }

        @Override
        public void pushBack(Duration wait) {
            // nothing to pace
        }
    };
}
