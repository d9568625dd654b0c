package sosrelay.raise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.log.Log;
import sosrelay.timers.TimerJob;
import sosrelay.timers.Timers;

/**
 * A raise that recorded its incident but never marked it dispatched (its Lambda frozen after the Passthru's 302, or
 * dead) is resumed by a timer set as the raise starts, not by a repeated request: Exotel never repeats a Passthru. The
 * timer comes due just after the dispatch lease, so a raise still going is never resumed beside itself, and the
 * incident is dispatched within 30 s of being recorded.
 */
public final class DispatchGuard {
    /** Just after the lease: a raise that is still going has marked the incident dispatched by then. */
    static final Duration AFTER = IncidentStore.DISPATCH_LEASE.plusSeconds(1);
    /** When the lease was still held (a resume going on): look again shortly. */
    static final Duration AGAIN = Duration.ofSeconds(5);

    private final IncidentStore incidents;
    private final IncidentRaiser raiser;
    private final Timers timers;
    private final Clock clock;

    public DispatchGuard(IncidentStore incidents, IncidentRaiser raiser, Timers timers, Clock clock) {
        this.incidents = incidents;
        this.raiser = raiser;
        this.timers = timers;
        this.clock = clock;
    }

    /** The timer a raise sets as it starts, before anything that may freeze. */
    public static TimerJob firstTry(Incident incident, Instant now) {
        return TimerJob.dispatchCheck(now.plus(AFTER), incident.id());
    }

    /** The DISPATCH_CHECK timer. */
    public void fire(TimerJob job) {
        String id = job.incidentId();
        if (!incidents.dispatchPending(id)) {
            return;
        }
        Optional<Incident> incident = incidents.find(id);
        if (incident.isEmpty()) {
            return;
        }
        Log.warn("dispatch-guard.resuming", "incidentId", id);
        IncidentRaiser.Result result = raiser.raise(incident.get());
        if (!result.raised().mustDispatch() && incidents.dispatchPending(id)) {
            timers.schedule(TimerJob.dispatchCheck(clock.instant().plus(AGAIN), id));
        }
    }
}
