package sosrelay.dispatch;

import sosrelay.delivery.DeliveryJob;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import sosrelay.delivery.DeliveryRef;
import sosrelay.delivery.DeliveryStatus;
import sosrelay.delivery.DeliveryStore;
import sosrelay.delivery.DeliveryWorker;
import sosrelay.directory.Channel;
import sosrelay.directory.Person;
import sosrelay.directory.Roster;
import sosrelay.incident.CurrentRosters;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Timeline;
import sosrelay.timers.TimerJob;
import sosrelay.timers.Timers;

/**
 * Calls that end unanswered, busy or failed are placed again after the type's delay, up to its
 * number of attempts (rounds: a person with a second number has it rung at once before each wait, see
 * {@code Person#phoneFor}), and only while they are still wanted: never after the person acknowledged or
 * declined, never once the incident is acknowledged or resolved. Someone rung because a roster had
 * them on duty is rung again only while they still are; once their shift is over, whoever is on duty
 * now in that roster is rung instead.
 */
public final class Retries implements DeliveryWorker.StillWanted {
    private final IncidentStore incidents;
    private final IncidentProgress progress;
    private final DeliveryStore deliveries;
    private final Timers timers;
    private final Dispatcher dispatcher;
    private final Timeline timeline;
    private final CurrentRosters rosters;
    private final Clock clock;

    public Retries(IncidentStore incidents, IncidentProgress progress, DeliveryStore deliveries, Timers timers, Dispatcher dispatcher,
                   Timeline timeline, CurrentRosters rosters, Clock clock) {
        this.incidents = incidents;
        this.progress = progress;
        this.deliveries = deliveries;
        this.timers = timers;
        this.dispatcher = dispatcher;
        this.timeline = timeline;
        this.rosters = rosters;
        this.clock = clock;
    }

    /**
     * After an unanswered attempt: the person's next number at once, when the attempt rang one that is not their last;
     * else the next round after the retry wait (from their first number), or a record of why there is none.
     */
    public void afterUnanswered(DeliveryRef ref) {
        Incident incident = incidents.find(ref.incidentId()).orElse(null);
        Person person = incident == null ? null : incident.recipient(ref.personId());
        if (person == null || !wanted(ref.incidentId(), ref.personId())) {
            return;
        }
        boolean nextNumber = Channel.CALL.id().equals(ref.channel()) && !person.lastNumber(ref.attempt());
        if (!nextNumber && person.round(ref.attempt()) >= incident.retry().attempts()) {
            timeline.record(ref.incidentId(), "retry.exhausted", "personId", ref.personId(), "attempts", ref.attempt());
            return;
        }
        // The next number is a timer due now: the timers function queues calls (the callbacks may not), with the same
        // checks as any retry; it is its own attempt (its own claim), so a redelivered job rings nobody twice.
        TimerJob retry = TimerJob.retry(nextNumber ? clock.instant() : clock.instant().plus(incident.retry().after()), ref.incidentId(),
                ref.personId(), ref.channel(), ref.attempt() + 1);
        timers.schedule(retry);
        timeline.record(ref.incidentId(), nextNumber ? "retry.next-number" : "retry.scheduled", "personId", ref.personId(),
                "attempt", retry.attempt(), "dueAt", retry.dueAt());
    }

    /**
     * A provider refused an attempt for good ({@link DeliveryWorker.StillWanted#refused}, e.g. a number it calls
     * invalid): a call goes on as an unanswered one does (the person's next number at once, else the next round after
     * the wait: a refusal is never what ends the ringing), a text becomes a call as a text that failed later does.
     * Notices are not followed up. The timeline says why (no status report will).
     */
    @Override
    public void refused(DeliveryJob job, String why) {
        timeline.record(job.incidentId(), "delivery.refused", "personId", job.personId(), "channel", job.channel().id(),
                "attempt", job.attempt(), "why", why, "notice", job.notice() == null ? null : job.notice().kind().name());
        if (job.notice() != null) {
            return;
        }
        DeliveryRef ref = new DeliveryRef(job.incidentId(), job.personId(), job.channel().id(), job.attempt());
        if (job.channel() == Channel.CALL) {
            afterUnanswered(ref);
        } else {
            afterFailedMessage(ref);
        }
    }

    /**
     * A text that failed after the provider took it (DLT scrubbing, DND): the same channel would fail the
     * same way, so the person is called instead. Their first call attempt: if it was placed already,
     * the call worker finds it done and rings nobody twice.
     */
    public void afterFailedMessage(DeliveryRef ref) {
        Incident incident = incidents.find(ref.incidentId()).orElse(null);
        Person person = incident == null ? null : incident.recipient(ref.personId());
        if (person == null || !wanted(ref.incidentId(), ref.personId())) {
            return;
        }
        dispatcher.send(new DeliveryJob(ref.incidentId(), person.id(), person.phone(), Channel.CALL, 1,
                null, incident.priority(), null, incident.trigger().fairnessKey()));
        timeline.record(ref.incidentId(), "fallback.call", "personId", ref.personId(), "failedChannel", ref.channel());
    }

    /** The RETRY timer: queues the attempt if it is still wanted, or hands over to whoever is on duty now. */
    public void fire(TimerJob job) {
        Incident incident = incidents.find(job.incidentId()).map(rosters::refresh).orElse(null);
        Person person = incident == null ? null : incident.recipient(job.personId());
        if (person == null || !wanted(job.incidentId(), job.personId())) {
            return;
        }
        Instant now = clock.instant();
        List<Roster> rosters = rostersNaming(incident, person.id());
        if (!rosters.isEmpty() && rosters.stream().noneMatch(r -> r.onDuty(now).contains(person.id()))) {
            handOver(incident, person, rosters, now);
            return;
        }
        Channel channel = Channel.parse(job.channel());
        dispatcher.send(new DeliveryJob(job.incidentId(), person.id(), Dispatcher.numberFor(person, channel, job.attempt()), channel, job.attempt(),
                null, incident.priority(), null, incident.trigger().fairnessKey()));
    }

    /**
     * For the workers, before every attempt: a first attempt is dropped once its incident is resolved, which is how resolving a flood cancels its queued calls; a retry queued before an
     * acknowledgement is dropped too. A first attempt still goes out after the incident is acknowledged:
     * the first wave is everyone's alert, and one read is all it may cost on the way to ringing.
     */
    @Override
    public boolean test(DeliveryJob job) {
        return stillWanted(job);
    }

    /** See {@link #test}. */
    public boolean stillWanted(DeliveryJob job) {
        if (job.attempt() <= 1) {
            // Only a definite "resolved" stops a first call: an incident that can't be found is rung all the same.
            return progress.state(job.incidentId()).map(state -> !IncidentProgress.RESOLVED.equals(state.status())).orElse(true);
        }
        return wanted(job.incidentId(), job.personId());
    }

    /**
     * {@link #stillWanted} for a worker's batch, asked once per incident for its first attempts: a first-wave job
     * ({@code incidentCreatedAt} set) also learns, in the same request, whether {@code batch} reports the incident's
     * first ring ({@link IncidentProgress#firstWave}).
     */
    @Override
    public DeliveryWorker.FirstAttempts firstAttempts(DeliveryJob job, String batch) {
        if (job.attempt() > 1) {
            return new DeliveryWorker.FirstAttempts(stillWanted(job), false);
        }
        if (job.incidentCreatedAt() == null) {
            return new DeliveryWorker.FirstAttempts(stillWanted(job), false);
        }
        IncidentProgress.FirstWave wave = progress.firstWave(job.incidentId(), batch);
        return new DeliveryWorker.FirstAttempts(!wave.resolved(), wave.reportsFirstRing());
    }

    /** See {@link IncidentProgress#firstRingNotReported}. */
    @Override
    public void firstRingNotReported(String incidentId, String batch) {
        progress.firstRingNotReported(incidentId, batch);
    }

    private boolean wanted(String incidentId, String personId) {
        return progress.state(incidentId).map(IncidentProgress.State::open).orElse(false)
                && !progress.acknowledgers(incidentId).contains(personId)
                && !progress.decliners(incidentId).contains(personId);
    }

    /** The rosters of the incident's tiers that can name the person, when no tier names them directly. */
    private static List<Roster> rostersNaming(Incident incident, String personId) {
        boolean named = incident.tiers().stream().anyMatch(t -> t.notifyIds().contains(personId));
        return named ? List.of() : incident.rosters().stream().filter(r -> r.everyone().contains(personId)).toList();
    }

    private void handOver(Incident incident, Person from, List<Roster> rosters, Instant now) {
        Set<String> reached = deliveries.forIncident(incident.id()).stream().map(DeliveryStatus::personId).collect(Collectors.toSet());
        List<Person> onDuty = rosters.stream().flatMap(r -> r.onDuty(now).stream()).distinct()
                .filter(id -> !reached.contains(id)).map(incident::recipient).filter(p -> p != null).toList();
        int jobs = dispatcher.dispatch(incident, onDuty, (person, channel) -> 1);
        timeline.record(incident.id(), "retry.handed-over", "personId", from.id(),
                "why", "no longer on duty in " + rosters.stream().map(Roster::id).collect(Collectors.joining(", ")),
                "to", onDuty.stream().map(Person::id).collect(Collectors.joining(", ")), "jobs", jobs);
    }
}
