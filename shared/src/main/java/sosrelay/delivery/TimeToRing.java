package sosrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import sosrelay.incident.AcceptanceTimes;
import sosrelay.log.Log;

/**
 * Told of every attempt a provider accepted: records it on the incident (first and last
 * acceptance) and, for the first tier's first attempts, publishes how long after the trigger the
 * phone rang. Never throws: the delivery itself already succeeded, and a missed measurement must
 * not send the job back to its queue.
 */
public final class TimeToRing implements DeliveryWorker.OnAccepted {
    private final AcceptanceTimes times;
    private final Clock clock;

    public TimeToRing(AcceptanceTimes times, Clock clock) {
        this.times = times;
        this.clock = clock;
    }

    @Override
    public void accepted(DeliveryJob job, String providerId) {
        Instant now = clock.instant();
        boolean first;
        try {
            first = times.record(job.incidentId(), now);
        } catch (RuntimeException e) {
            Log.warn("time-to-ring.not-recorded", "incidentId", job.incidentId(), "personId", job.personId(), "error", e);
            return;
        }
        if (job.incidentCreatedAt() != null) {
            DeliveryMetrics.rung(job, Duration.between(job.incidentCreatedAt(), now), first);
        }
    }
}
