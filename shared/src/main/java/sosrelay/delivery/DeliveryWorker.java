package sosrelay.delivery;

import sosrelay.directory.PhoneNumbers;
import sosrelay.dispatch.DeliveryJob;
import sosrelay.log.Log;
import sosrelay.metrics.DeliveryMetrics;
import sosrelay.pacing.Pacing;
import sosrelay.sqs.MessageProcessor;

/**
 * Claim, send, record: one job through one provider, exactly once per attempt. Every attempt goes out
 * only while it is still wanted (see {@link StillWanted}): a resolved incident's queued jobs, a flood's
 * backlog included, are dropped when their turn comes instead of spending the provider's rate.
 */
public final class DeliveryWorker implements MessageProcessor {

    /** Whether an attempt is still worth sending: a first attempt unless its incident was resolved, a retry while nobody has it in hand. */
    @FunctionalInterface
    public interface StillWanted {
        boolean test(DeliveryJob job);
    }

    /** Told of every attempt the provider accepted (a call's sender uses it to watch for a lost callback). */
    @FunctionalInterface
    public interface OnAccepted {
        void accepted(DeliveryJob job, String providerId);
    }

    private final DeliveryStore deliveries;
    private final Sender sender;
    private final StillWanted stillWanted;
    private final OnAccepted onAccepted;
    private final Pacing pacing;

    public DeliveryWorker(DeliveryStore deliveries, Sender sender, StillWanted stillWanted, OnAccepted onAccepted, Pacing pacing) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.stillWanted = stillWanted;
        this.onAccepted = onAccepted;
        this.pacing = pacing;
    }

    /** Returns null when the job is done (or queued again for its slot), or a {@link Retry} whose {@code after} may be null. */
    @Override
    public Retry process(String body) {
        DeliveryJob job = DeliveryJob.fromJson(body);
        if (!stillWanted.test(job)) {
            Log.info("delivery.not-needed", "incidentId", job.incidentId(), "personId", job.personId(),
                    "channel", job.channel().id(), "attempt", job.attempt());
            return null;
        }
        return pacing.admit(job, body) ? send(job) : null;
    }

    private Retry send(DeliveryJob job) {
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
            onAccepted.accepted(job, accepted.providerId());
            DeliveryMetrics.accepted(job);
            Log.info("delivery.accepted", "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                    "channel", job.channel().id(), "attempt", job.attempt(), "providerId", accepted.providerId());
            return null;
        }
        if (result instanceof SendResult.Permanent permanent) {
            deliveries.failed(job, permanent.reason());
            DeliveryMetrics.failed(job);
            Log.error("delivery.failed", "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                    "channel", job.channel().id(), "attempt", job.attempt(), "reason", permanent.reason());
            return null;
        }
        SendResult.Transient failure = (SendResult.Transient) result;
        if (failure.retryAfter() != null) {
            pacing.providerAskedToWait(failure.retryAfter());
        }
        deliveries.release(job, failure.reason());
        DeliveryMetrics.retried(job);
        Log.warn("delivery.retry", "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                "channel", job.channel().id(), "attempt", job.attempt(), "reason", failure.reason());
        return new Retry(failure.retryAfter());
    }
}
