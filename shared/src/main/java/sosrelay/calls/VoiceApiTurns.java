package sosrelay.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import sosrelay.directory.Priority;
import sosrelay.pacing.BudgetWait;
import sosrelay.pacing.Pacer;

/**
 * A turn in Exotel's voice budget for a call-details question: Exotel's 200 requests a minute cover every voice API,
 * so each question takes a send from the same budget as Calls/connect. A near send is waited for; a far one is left
 * to a timer. Questions are not urgent: they ask as normal priority, behind every high-priority call.
 */
public final class VoiceApiTurns {
    private final Pacer voiceApi;
    private final Duration maxWait;
    private final Clock clock;

    /** {@code voiceApi}: the pacer Calls/connect uses; {@code maxWait}: the longest wait for a send in the worker. */
    public VoiceApiTurns(Pacer voiceApi, Duration maxWait, Clock clock) {
        this.voiceApi = voiceApi;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** Null once a send is taken (after a short wait, if need be); else when to ask again, on a timer. */
    public Instant take(String incidentId) {
        Instant notBefore = admission(incidentId);
        while (notBefore != null) {
            Duration wait = Duration.between(clock.instant(), notBefore);
            if (wait.compareTo(maxWait) > 0) {
                return notBefore;
            }
            BudgetWait.sleep(wait);
            notBefore = admission(incidentId);
        }
        return null;
    }

    private Instant admission(String incidentId) {
        Pacer.Ask ask = new Pacer.Ask(Priority.NORMAL, "call-details:" + incidentId, false);
        return voiceApi.take(ask) instanceof Pacer.Admission.NotBefore later ? later.at() : null;
    }
}
