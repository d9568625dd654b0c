package sosrelay.delivery;

import java.time.Duration;
import sosrelay.directory.PhoneNumbers;
import sosrelay.dispatch.DeliveryJob;
import sosrelay.log.Log;

/** Claim, send, record: one job through one provider, exactly once per attempt. */
public final class DeliveryWorker {

    /** Null when the job is finished (sent, already sent, or failed for good); else when to look again. */
    public record Retry(Duration after) {
    }

    private final DeliveryStore deliveries;
    private final Sender sender;

    public DeliveryWorker(DeliveryStore deliveries, Sender sender) {
        this.deliveries = deliveries;
        this.sender = sender;
    }

    /** Returns null when the job is done, or a {@link Retry} whose {@code after} may be null (use the backoff). */
    public Retry process(DeliveryJob job) {
        DeliveryStore.Claim claim = deliveries.claim(job);
        if (claim instanceof DeliveryStore.Claim.AlreadyDone done) {
            Log.info("delivery.skip-duplicate", "incidentId", job.incidentId(), "personId", job.personId(),
                    "channel", job.channel().id(), "attempt", job.attempt(), "state", done.state());
            return null;
        }
        if (claim instanceof DeliveryStore.Claim.HeldElsewhere held) {
            return new Retry(held.remaining().plusSeconds(1));
        }
        SendResult result = sender.send(job);
        String to = PhoneNumbers.mask(job.phone());
        if (result instanceof SendResult.Accepted accepted) {
            deliveries.accepted(job, accepted.providerId());
            Log.info("delivery.accepted", "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                    "channel", job.channel().id(), "attempt", job.attempt(), "providerId", accepted.providerId());
            return null;
        }
        if (result instanceof SendResult.Permanent permanent) {
            deliveries.failed(job, permanent.reason());
            Log.error("delivery.failed", "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                    "channel", job.channel().id(), "attempt", job.attempt(), "reason", permanent.reason());
            return null;
        }
        SendResult.Transient failure = (SendResult.Transient) result;
        deliveries.release(job, failure.reason());
        Log.warn("delivery.retry", "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                "channel", job.channel().id(), "attempt", job.attempt(), "reason", failure.reason());
        return new Retry(failure.retryAfter());
    }
}
