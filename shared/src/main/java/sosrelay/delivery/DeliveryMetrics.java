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
    /** A notice switched off by configuration (its text has no registered template): at start-up, and each job not sent. */
    public static final String NOTICE_OFF = "NoticeOff";

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

    /** At a worker's start-up: {@code notice} (a {@link Notice.Kind#id()}) is off on {@code channel}, because of {@code why}. */
    public static void noticeOff(String channel, String notice, String why) {
        sosrelay.log.Log.warn("delivery.notice-off", "channel", channel, "notice", notice, "why", why);
        MetricEvent.dimension("Channel", channel).property("notice", notice).count(NOTICE_OFF).emit();
    }

    /** A job of a notice that is off: dropped, not sent. */
    public static void off(DeliveryJob job) {
        about(job).property("notice", job.notice() == null ? null : job.notice().kind().id()).count(NOTICE_OFF).emit();
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
