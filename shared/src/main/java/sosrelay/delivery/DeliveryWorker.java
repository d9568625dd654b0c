package sosrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import sosrelay.directory.PhoneNumbers;
import sosrelay.log.Log;
import sosrelay.pacing.Pacing;
import sosrelay.sqs.MessageProcessor;

/**
 * Claim, send, record: one job through one provider, exactly once per attempt. A request that got no answer
 * may still have rung the phone, so before such an attempt is sent again the provider is asked what it
 * sent since (for calls, Exotel's call records by number); what it finds and nobody else owns is this
 * attempt's, and nothing is sent. Every attempt goes out
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

    /** How far the provider's clock may be behind ours when we ask what it sent since a moment. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(10);
    /**
     * How long after a request began the provider may still act on it though our client gave up (a request
     * queued behind others at a slow provider): asking what was sent before then could miss a call still
     * being placed, and ring the person twice. With Exotel's default 8 s client timeout this has passed already.
     */
    static final Duration PROVIDER_SETTLES = Duration.ofSeconds(6);
    /** How often a look-up the provider could not answer is tried again (after the backoff) before sending anyway. */
    private static final int MAX_UNANSWERED_LOOKUPS = 2;

    private final DeliveryStore deliveries;
    private final Sender sender;
    private final StillWanted stillWanted;
    private final OnAccepted onAccepted;
    private final Pacing pacing;
    private final Clock clock;

    public DeliveryWorker(DeliveryStore deliveries, Sender sender, StillWanted stillWanted, OnAccepted onAccepted, Pacing pacing,
                          Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.stillWanted = stillWanted;
        this.onAccepted = onAccepted;
        this.pacing = pacing;
        this.clock = clock;
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
        String off = sender.off(job);
        if (off != null) {
            DeliveryMetrics.off(job);
            Log.info("delivery.off", "incidentId", job.incidentId(), "personId", job.personId(), "channel", job.channel().id(),
                    "why", off);
            return null;
        }
        return pacing.admit(job) ? send(job) : null;
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
        DeliveryStore.Claim.Granted granted = (DeliveryStore.Claim.Granted) claim;
        Instant unsureSince = granted.unsureSince();
        String to = PhoneNumbers.mask(job.phone());
        if (unsureSince != null && clock.instant().isBefore(unsureSince.plus(PROVIDER_SETTLES))) {
            deliveries.unsure(job, "waiting for the provider to finish the unanswered request before asking", unsureSince,
                    granted.unansweredLookups());
            return new Retry(Duration.between(clock.instant(), unsureSince.plus(PROVIDER_SETTLES)).plusMillis(999));
        }
        if (unsureSince != null) {
            // The look-up is a request to the provider too (Exotel counts call details in its voice limit): its own slot.
            if (!pacing.admit(job)) {
                deliveries.unsure(job, "queued again for a slot to ask the provider what was sent", unsureSince, granted.unansweredLookups());
                return null;
            }
            try {
                Optional<String> earlier = sentEarlier(job, unsureSince);
                if (earlier.isPresent()) {
                    accepted(job, earlier.get(), to, "delivery.found-sent");
                    return null;
                }
            } catch (IllegalStateException cannotSay) {
                // Asked again after the backoff a couple of times; then a second call is better than none.
                boolean askAgain = granted.unansweredLookups() < MAX_UNANSWERED_LOOKUPS;
                Log.warn("delivery.sent-unknown", "incidentId", job.incidentId(), "personId", job.personId(),
                        "channel", job.channel().id(), "attempt", job.attempt(), "then", askAgain ? "ask again" : "send again",
                        "error", cannotSay);
                if (askAgain) {
                    deliveries.unsure(job, "the provider could not say what was sent", unsureSince, granted.unansweredLookups() + 1);
                    return new Retry(null);
                }
            }
        }
        Instant sentAt = clock.instant();
        SendResult result = sender.send(job);
        if (result instanceof SendResult.Accepted accepted) {
            accepted(job, accepted.providerId(), to, "delivery.accepted");
            return null;
        }
        if (result instanceof SendResult.Unknown unknown) {
            deliveries.unsure(job, unknown.reason(), unsureSince != null && unsureSince.isBefore(sentAt) ? unsureSince : sentAt, 0);
            DeliveryMetrics.retried(job);
            Log.warn("delivery.unanswered", "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                    "channel", job.channel().id(), "attempt", job.attempt(), "reason", unknown.reason());
            // Back once the provider has settled this request, so the look-up then sees a call it placed late.
            Duration settling = Duration.between(clock.instant(), sentAt.plus(PROVIDER_SETTLES));
            return new Retry(settling.isNegative() ? null : settling.plusMillis(999));
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
        if (unsureSince != null) {
            // An earlier request of this attempt is still unaccounted for: the next claim asks about it again.
            deliveries.unsure(job, failure.reason(), unsureSince, granted.unansweredLookups());
        } else {
            deliveries.release(job, failure.reason());
        }
        DeliveryMetrics.retried(job);
        Log.warn("delivery.retry", "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                "channel", job.channel().id(), "attempt", job.attempt(), "reason", failure.reason());
        return new Retry(failure.retryAfter());
    }

    private void accepted(DeliveryJob job, String providerId, String to, String event) {
        deliveries.accepted(job, providerId);
        onAccepted.accepted(job, providerId);
        DeliveryMetrics.accepted(job);
        Log.info(event, "incidentId", job.incidentId(), "personId", job.personId(), "to", to,
                "channel", job.channel().id(), "attempt", job.attempt(), "providerId", providerId);
    }

    /**
     * What the provider sent to the job's recipient since the unanswered request began (less the clocks'
     * possible skew) that is no other delivery's; {@link IllegalStateException} when the provider can't say.
     */
    private Optional<String> sentEarlier(DeliveryJob job, Instant unsureSince) {
        return sender.sentSince(job, unsureSince.minus(CLOCK_SKEW)).stream()
                .filter(providerId -> deliveries.byProviderId(providerId).isEmpty())
                .findFirst();
    }
}
