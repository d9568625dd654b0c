package sosrelay.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A provider channel: places one call or sends one message. */
@FunctionalInterface
public interface Sender {
    /** How far a provider's clock may be behind ours when it is asked what it sent since a moment ({@link #sentSince}). */
    Duration CLOCK_SKEW = Duration.ofSeconds(10);

    SendResult send(DeliveryJob job);

    /**
     * As {@link #send(DeliveryJob)}, through {@code route}: the one of several providers whose budget the send was taken
     * from ({@code Pacing.Admitted.Go}), null when there is one budget. A sender of one provider has no routes.
     */
    default SendResult send(DeliveryJob job, String route) {
        return send(job);
    }

    /**
     * The provider's ids of what went to the job's recipient since {@code since}, when the provider can say
     * (it can for calls); asked before an attempt whose earlier request got no answer is sent again.
     * {@link IllegalStateException} when the provider can't be asked now.
     */
    default List<String> sentSince(DeliveryJob job, Instant since) {
        return List.of();
    }

    /**
     * As {@link #sentSince(DeliveryJob, Instant)}, asking only the providers the unanswered requests went to
     * ({@code asked}, their names; empty when that is not known: every provider is asked).
     */
    default List<String> sentSince(DeliveryJob job, Instant since, Set<String> asked) {
        return sentSince(job, since);
    }

    /**
     * Why this sender sends no job like this one (a notice switched off because its text has no registered
     * template), or null: it sends it. A job that is off is dropped before its claim: nothing is sent or recorded.
     */
    default String off(DeliveryJob job) {
        return null;
    }
}
