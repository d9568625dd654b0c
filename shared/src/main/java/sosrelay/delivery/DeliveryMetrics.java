package sosrelay.delivery;

import java.time.Duration;
import sosrelay.metrics.MetricEvent;

/**
 * The delivery metrics, per channel: what the providers took, refused for good or asked us to try
 * again, and how long after the trigger a first-wave attempt was taken (time-to-ring). Each line
 * names the incident, person and attempt behind it; never the phone number.
 */
public final class DeliveryMetrics {
    public static final String ACCEPTED = "DeliveryAccepted";
    public static final String FAILED = "DeliveryFailed";
    public static final String RETRIED = "DeliveryRetried";
    public static final String TIME_TO_RING = "TimeToRing";
    public static final String TIME_TO_FIRST_RING = "TimeToFirstRing";

    private DeliveryMetrics() {
    }

    public static void accepted(DeliveryJob job) {
        about(job).count(ACCEPTED).emit();
    }

    /** A permanent refusal: this person will not be reached on this channel by this attempt. */
    public static void failed(DeliveryJob job) {
        about(job).count(FAILED).emit();
    }

    /** A text the provider took and later reported undelivered (its status callback said failed). */
    public static void failed(sosrelay.delivery.DeliveryRef ref) {
        MetricEvent.dimension("Channel", ref.channel()).property("incidentId", ref.incidentId())
                .property("personId", ref.personId()).property("attempt", ref.attempt()).count(FAILED).emit();
    }

    /** A transient failure: the job goes back to its queue. */
    public static void retried(DeliveryJob job) {
        about(job).count(RETRIED).emit();
    }

    /** From the trigger to this acceptance; {@code first} when it was the incident's first acceptance. */
    public static void rung(DeliveryJob job, Duration sinceTrigger, boolean first) {
        MetricEvent event = about(job).milliseconds(TIME_TO_RING, sinceTrigger.toMillis());
        if (first) {
            event.milliseconds(TIME_TO_FIRST_RING, sinceTrigger.toMillis());
        }
        event.emit();
    }

    private static MetricEvent about(DeliveryJob job) {
        return MetricEvent.dimension("Channel", job.channel().id())
                .property("incidentId", job.incidentId())
                .property("personId", job.personId())
                .property("attempt", job.attempt());
    }
}
