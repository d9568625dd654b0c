package sosrelay.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import sosrelay.delivery.DeliveryOutcomes;
import sosrelay.delivery.DeliveryRef;
import sosrelay.delivery.DeliveryStates;
import sosrelay.delivery.DeliveryStore;
import sosrelay.delivery.DeliveryJob;
import sosrelay.log.Log;
import sosrelay.timers.TimerJob;
import sosrelay.timers.Timers;

/**
 * Exotel says status callbacks can be lost. Every placed call gets a deadline; if no final status has
 * arrived by then, the provider that placed it is asked (Exotel's call details API, {@link VoiceProvider#status}), and
 * its answer goes through the same path a callback would. A call still going is asked again a minute later, a few times.
 *
 * <p>Each question takes its turn in the voice budget of the provider asked ({@link VoiceApiTurns}).
 */
public final class LostCallbackCheck {
    private static final Duration AGAIN_AFTER = Duration.ofMinutes(1);
    private static final int MAX_ROUNDS = 12;

    private final DeliveryStore deliveries;
    private final VoiceProviders providers;
    private final DeliveryOutcomes outcomes;
    private final Timers timers;
    private final Duration deadline;
    private final VoiceApiTurns voiceApi;
    private final Clock clock;

    /**
     * {@code deadline}: after the call is placed, when a callback should have come (ring time and some);
     * {@code voiceApi}: turns in the budget Calls/connect uses.
     */
    public LostCallbackCheck(DeliveryStore deliveries, VoiceProviders providers, DeliveryOutcomes outcomes, Timers timers,
                             Duration deadline, VoiceApiTurns voiceApi, Clock clock) {
        this.deliveries = deliveries;
        this.providers = providers;
        this.outcomes = outcomes;
        this.timers = timers;
        this.deadline = deadline;
        this.voiceApi = voiceApi;
        this.clock = clock;
    }

    /** Sets the deadline for a call Exotel just accepted. */
    public void watch(DeliveryJob job, String callSid) {
        timers.schedule(TimerJob.callCheck(clock.instant().plus(deadline), job.incidentId(), job.personId(), job.attempt(), callSid, 0));
    }

    /** The CALL_CHECK timer. */
    public void fire(TimerJob job) {
        String state = deliveries.stateOf(new DeliveryRef(job.incidentId(), job.personId(), "call", job.attempt()));
        if (state == null || DeliveryStates.rank(state) >= DeliveryStates.FINAL) {
            return;
        }
        Instant notBefore = voiceApi.take(job.incidentId(), VoiceProviders.nameOf(job.providerId()));
        if (notBefore != null) {
            timers.schedule(TimerJob.callCheck(notBefore, job.incidentId(), job.personId(), job.attempt(),
                    job.providerId(), job.round()));
            return;
        }
        String status = null;
        try {
            status = providers.status(job.providerId());
        } catch (IllegalStateException e) {
            Log.warn("call-check.details-unavailable", "incidentId", job.incidentId(), "callSid", job.providerId(), "error", e);
        }
        if (status != null && DeliveryStates.rank(DeliveryStates.normalise(status)) >= DeliveryStates.FINAL) {
            outcomes.apply(job.providerId(), status, "call-details-api");
        } else if (job.round() >= MAX_ROUNDS) {
            outcomes.apply(job.providerId(), "failed", "call-details-api: no final status after " + MAX_ROUNDS + " checks");
        } else {
            timers.schedule(TimerJob.callCheck(clock.instant().plus(AGAIN_AFTER), job.incidentId(), job.personId(), job.attempt(),
                    job.providerId(), job.round() + 1));
        }
    }
}
