package sosrelay.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import sosrelay.directory.Priority;
import sosrelay.pacing.BudgetWait;
import sosrelay.pacing.Pacer;

/**
 * A turn in a provider's voice budget for a call-details question: Exotel's 200 requests a minute (per account) cover every
 * voice API, so each question to an Exotel account takes a send from the same budget as its Calls/connect; a provider whose
 * look-ups are not in its call budget (Plivo's are not: only live calls count there) has no turns to take. A near send is waited for; a far one is left
 * to a timer. Questions are not urgent: they ask as normal priority, behind every high-priority call.
 */
public final class VoiceApiTurns {
    private final Function<String, Pacer> voiceApi;
    private final Duration maxWait;
    private final Clock clock;

    /**
     * {@code voiceApi}: by provider name, the pacer of its look-ups (an Exotel account's: the one its Calls/connect uses);
     * {@code maxWait}: the longest wait for a send in the worker.
     */
    public VoiceApiTurns(Function<String, Pacer> voiceApi, Duration maxWait, Clock clock) {
        this.voiceApi = voiceApi;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** A turn to ask {@code provider}: null once a send is taken (after a short wait, if need be); else when to ask again, on a timer. */
    public Instant take(String incidentId, String provider) {
        Pacer budget = voiceApi.apply(provider);
        Instant notBefore = admission(budget, incidentId);
        while (notBefore != null) {
            Duration wait = Duration.between(clock.instant(), notBefore);
            if (wait.compareTo(maxWait) > 0) {
                return notBefore;
            }
            BudgetWait.sleep(wait);
            notBefore = admission(budget, incidentId);
        }
        return null;
    }

    private static Instant admission(Pacer budget, String incidentId) {
        Pacer.Ask ask = new Pacer.Ask(Priority.NORMAL, "call-details:" + incidentId, false);
        return budget.take(ask) instanceof Pacer.Admission.NotBefore later ? later.at() : null;
    }
}
