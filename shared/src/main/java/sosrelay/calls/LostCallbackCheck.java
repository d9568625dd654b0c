package sosrelay.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import sosrelay.delivery.DeliveryOutcomes;
import sosrelay.delivery.DeliveryRef;
import sosrelay.delivery.DeliveryStates;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Priority;
import sosrelay.delivery.DeliveryJob;
import sosrelay.log.Log;
import sosrelay.pacing.BudgetWait;
import sosrelay.pacing.Pacer;
import sosrelay.timers.TimerJob;
import sosrelay.timers.Timers;

/**
 * Exotel says status callbacks can be lost. Every placed call gets a deadline; if no final status has
 * arrived by then, Exotel's call details API is asked, and its answer goes through the same path a
 * callback would. A call still going is asked again a minute later, a few times.
 *
 * <p>Exotel's 200 requests a minute cover every voice API, call details included, so each question
 * takes a send from the same budget as Calls/connect: a near one is waited for, a far one is
 * checked again then.
 */
public final class LostCallbackCheck {
    private static final Duration AGAIN_AFTER = Duration.ofMinutes(1);
    private static final int MAX_ROUNDS = 12;

    private final DeliveryStore deliveries;
    private final ExotelCallDetails details;
    private final DeliveryOutcomes outcomes;
    private final Timers timers;
    private final Duration deadline;
    private final Pacer voiceApi;
    private final Duration maxWait;
    private final Clock clock;

    /**
     * {@code deadline}: after the call is placed, when a callback should have come (ring time and some);
     * {@code voiceApi}: the pacer Calls/connect uses; {@code maxWait}: the longest wait for a slot in the worker.
     */
    public LostCallbackCheck(DeliveryStore deliveries, ExotelCallDetails details, DeliveryOutcomes outcomes, Timers timers,
                             Duration deadline, Pacer voiceApi, Duration maxWait, Clock clock) {
        this.deliveries = deliveries;
        this.details = details;
        this.outcomes = outcomes;
        this.timers = timers;
        this.deadline = deadline;
        this.voiceApi = voiceApi;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** Sets the deadline for a call Exotel just accepted. */
    public void watch(DeliveryJob job, String callSid) {
        timers.schedule(TimerJob.callCheck(clock.instant().plus(deadline), job.incidentId(), job.personId(), job.attempt(), callSid, 0));
    }

    /** A send from the voice budget now (null), or when to ask again: a check is not urgent, so it asks as normal priority. */
    private Instant admission(TimerJob job) {
        Pacer.Ask ask = new Pacer.Ask(Priority.NORMAL, "call-details:" + job.incidentId(), false);
        return voiceApi.take(ask) instanceof Pacer.Admission.NotBefore later ? later.at() : null;
    }


    /** The CALL_CHECK timer. */
    public void fire(TimerJob job) {
        String state = deliveries.stateOf(new DeliveryRef(job.incidentId(), job.personId(), "call", job.attempt()));
        if (state == null || DeliveryStates.rank(state) >= DeliveryStates.FINAL) {
            return;
        }
        Instant notBefore = admission(job);
        while (notBefore != null) {
            Duration wait = Duration.between(clock.instant(), notBefore);
            if (wait.compareTo(maxWait) > 0) {
                timers.schedule(TimerJob.callCheck(notBefore, job.incidentId(), job.personId(), job.attempt(),
                        job.providerId(), job.round()));
                return;
            }
            BudgetWait.sleep(wait);
            notBefore = admission(job);
        }
        String status = null;
        try {
            status = details.status(job.providerId());
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
