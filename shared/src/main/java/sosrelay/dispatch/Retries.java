package sosrelay.dispatch;

import java.time.Clock;
import java.util.Optional;
import sosrelay.delivery.DeliveryRef;
import sosrelay.directory.Channel;
import sosrelay.directory.Person;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Timeline;
import sosrelay.timers.TimerJob;
import sosrelay.timers.Timers;

/**
 * Calls that end unanswered, busy or failed are placed again after the type's delay, up to its
 * number of attempts, and only while they are still wanted: never after the person acknowledged,
 * never once the incident is acknowledged or resolved.
 */
public final class Retries {
    private final IncidentStore incidents;
    private final IncidentProgress progress;
    private final Timers timers;
    private final Dispatcher dispatcher;
    private final Timeline timeline;
    private final Clock clock;

    public Retries(IncidentStore incidents, IncidentProgress progress, Timers timers, Dispatcher dispatcher, Timeline timeline,
                   Clock clock) {
        this.incidents = incidents;
        this.progress = progress;
        this.timers = timers;
        this.dispatcher = dispatcher;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** After an unanswered attempt: schedules the next one, or records why there is none. */
    public void afterUnanswered(DeliveryRef ref) {
        Incident incident = incidents.find(ref.incidentId()).orElse(null);
        if (incident == null || !wanted(ref.incidentId(), ref.personId())) {
            return;
        }
        if (ref.attempt() >= incident.retry().attempts()) {
            timeline.record(ref.incidentId(), "retry.exhausted", "personId", ref.personId(), "attempts", ref.attempt());
            return;
        }
        TimerJob retry = TimerJob.retry(clock.instant().plus(incident.retry().after()), ref.incidentId(), ref.personId(),
                ref.channel(), ref.attempt() + 1);
        timers.schedule(retry);
        timeline.record(ref.incidentId(), "retry.scheduled", "personId", ref.personId(), "attempt", retry.attempt(),
                "dueAt", retry.dueAt());
    }

    /** The RETRY timer: queues the attempt if it is still wanted. */
    public void fire(TimerJob job) {
        Optional<Incident> incident = incidents.find(job.incidentId());
        Person person = incident.map(i -> i.recipient(job.personId())).orElse(null);
        if (person == null || !wanted(job.incidentId(), job.personId())) {
            return;
        }
        dispatcher.send(new DeliveryJob(job.incidentId(), person.id(), person.phone(), Channel.parse(job.channel()), job.attempt()));
    }

    /**
     * For the workers, before every attempt: a first attempt is dropped once its incident is resolved, which is how resolving a flood cancels its queued calls; a retry queued before an
     * acknowledgement is dropped too. A first attempt still goes out after the incident is acknowledged:
     * the first wave is everyone's alert, and one read is all it may cost on the way to ringing.
     */
    public boolean stillWanted(DeliveryJob job) {
        if (job.attempt() <= 1) {
            // Only a definite "resolved" stops a first call: an incident that can't be found is rung all the same.
            return progress.state(job.incidentId()).map(state -> !IncidentProgress.RESOLVED.equals(state.status())).orElse(true);
        }
        return wanted(job.incidentId(), job.personId());
    }

    private boolean wanted(String incidentId, String personId) {
        return progress.state(incidentId).map(IncidentProgress.State::open).orElse(false)
                && !progress.acknowledgers(incidentId).contains(personId);
    }
}
