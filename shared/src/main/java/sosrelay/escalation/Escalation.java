package sosrelay.escalation;

import java.time.Clock;
import sosrelay.dispatch.Dispatcher;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Timeline;
import sosrelay.log.Log;
import sosrelay.timers.TimerJob;
import sosrelay.timers.Timers;

/**
 * Tier after tier: when a tier's {@code escalateAfter} is up and fewer than its {@code required}
 * people have acknowledged, the next tier is notified. Nothing is escalated once the incident is
 * acknowledged or resolved. Safe to run twice: the jobs of a tier dedupe on their delivery claims,
 * and only the worker that moves the active tier schedules the next deadline.
 */
public final class Escalation {
    private final IncidentStore incidents;
    private final IncidentProgress progress;
    private final Dispatcher dispatcher;
    private final Timers timers;
    private final Timeline timeline;
    private final Clock clock;

    public Escalation(IncidentStore incidents, IncidentProgress progress, Dispatcher dispatcher, Timers timers, Timeline timeline,
                      Clock clock) {
        this.incidents = incidents;
        this.progress = progress;
        this.dispatcher = dispatcher;
        this.timers = timers;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** Sets tier {@code tier}'s deadline, if a tier follows it. */
    public void watch(Incident incident, int tier) {
        if (tier + 1 < incident.tiers().size()) {
            timers.schedule(TimerJob.escalate(clock.instant().plus(incident.tiers().get(tier).escalateAfter()), incident.id(), tier));
        }
    }

    /** The ESCALATE timer: tier {@code job.tier()}'s time is up. */
    public void fire(TimerJob job) {
        IncidentProgress.State state = progress.state(job.incidentId()).orElse(null);
        Incident incident = incidents.find(job.incidentId()).orElse(null);
        if (state == null || incident == null || !state.open() || state.activeTier() != job.tier()) {
            return;
        }
        int acknowledged = progress.acknowledgers(job.incidentId()).size();
        int required = incident.tiers().get(job.tier()).required();
        if (acknowledged >= required) {
            return;
        }
        int next = job.tier() + 1;
        int jobs = dispatcher.dispatch(incident, next);
        if (progress.advanceTier(job.incidentId(), job.tier(), next)) {
            timeline.record(job.incidentId(), "escalated", "tier", next + 1, "jobs", jobs, "acknowledgements", acknowledged,
                    "required", required);
            Log.info("incident.escalated", "incidentId", job.incidentId(), "tier", next + 1, "jobs", jobs);
            watch(incident, next);
        }
    }
}
