package sosrelay.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import sosrelay.delivery.DeliveryStatus;
import sosrelay.delivery.DeliveryStore;
import sosrelay.dispatch.Dispatcher;
import sosrelay.incident.CurrentRosters;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Timeline;
import sosrelay.log.Log;
import sosrelay.timers.TimerJob;
import sosrelay.timers.Timers;

/**
 * Tier after tier, round after round: when a tier's {@code escalateAfter} is up and fewer than its
 * {@code required} people have acknowledged, the next tier is notified; after the last tier the type's
 * {@code repeat} starts again from the first, and after the last round the incident is unanswered.
 * A tier with nobody to notify now (its rosters have nobody on duty) is never a dead end: the next
 * is notified at once and the timeline says why. So is a tier whose people declined until it can no
 * longer reach {@code required}. Nothing is escalated once the incident is acknowledged or resolved.
 * Safe to run twice: only the worker that moves the active tier (a conditional write) notifies it,
 * and jobs dedupe on their delivery claims.
 */
public final class Escalation {
    private final IncidentStore incidents;
    private final IncidentProgress progress;
    private final DeliveryStore deliveries;
    private final Dispatcher dispatcher;
    private final Timers timers;
    private final Timeline timeline;
    private final Consumer<Incident> onUnanswered;
    private final CurrentRosters rosters;
    private final Clock clock;

    public Escalation(IncidentStore incidents, IncidentProgress progress, DeliveryStore deliveries, Dispatcher dispatcher, Timers timers,
                      Timeline timeline, Consumer<Incident> onUnanswered, CurrentRosters rosters, Clock clock) {
        this.incidents = incidents;
        this.progress = progress;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.timers = timers;
        this.timeline = timeline;
        this.onUnanswered = onUnanswered;
        this.rosters = rosters;
        this.clock = clock;
    }

    /** Sets the deadline of tier {@code tier} in round {@code round}: when it is up, the next tier, round or the unanswered state follows. */
    public void watch(Incident incident, int tier, int round) {
        timers.schedule(TimerJob.escalate(clock.instant().plus(incident.tiers().get(tier).escalateAfter()), incident.id(), tier, round));
    }

    /** The ESCALATE timer: tier {@code job.tier()}'s time in round {@code job.round()} is up. */
    public void fire(TimerJob job) {
        IncidentProgress.State state = progress.state(job.incidentId()).orElse(null);
        Incident incident = incidents.find(job.incidentId()).orElse(null);
        if (state == null || incident == null || !state.open() || state.activeTier() != job.tier() || state.round() != job.round()) {
            return;
        }
        int acknowledged = progress.acknowledgers(job.incidentId()).size();
        int required = incident.tiers().get(job.tier()).required();
        if (acknowledged < required) {
            moveOn(incident, job.tier(), job.round(), "time up: " + acknowledged + " of " + required + " acknowledged");
        }
    }

    /**
     * Notifies what follows tier {@code tier} of round {@code round} now, for {@code why} (its time is up,
     * its people declined, nobody in it was on duty), if nobody moved the incident on meanwhile. Returns how many jobs
     * it queued (0: nobody was rung).
     */
    public int moveOn(Incident incident, int tier, int round, String why) {
        int nextTier = tier + 1;
        int nextRound = round;
        if (nextTier == incident.tiers().size()) {
            if (round >= incident.repeat()) {
                if (progress.unanswered(incident.id())) {
                    timeline.record(incident.id(), "unanswered", "tier", tier + 1, "round", round + 1, "why", why);
                    Log.warn("incident.unanswered", "incidentId", incident.id(), "rounds", round + 1);
                    onUnanswered.accept(incident);
                }
                return 0;
            }
            nextTier = 0;
            nextRound = round + 1;
        }
        if (!progress.advance(incident.id(), tier, round, nextTier, nextRound)) {
            return 0;
        }
        return notifyTier(incident, nextTier, nextRound, why);
    }

    /** Notifies tier {@code tier} of round {@code round}, already recorded as active; moves on at once if nobody in it can be notified. */
    private int notifyTier(Incident asRaised, int tier, int round, String why) {
        Instant now = clock.instant();
        Incident incident = rosters.refresh(asRaised);
        Incident.TierPeople people = incident.tierPeople(tier, now);
        if (people.people().isEmpty()) {
            timeline.record(incident.id(), "tier.skipped", "tier", tier + 1, "round", round + 1,
                    "why", "nobody on duty in " + String.join(", ", people.emptyRosters()));
            return moveOn(incident, tier, round, "tier " + (tier + 1) + " had nobody on duty");
        }
        Map<String, Integer> attempts = new HashMap<>();
        for (DeliveryStatus d : deliveries.forIncident(incident.id())) {
            attempts.put(d.personId() + "#" + d.channel(), d.attempt());
        }
        int jobs = dispatcher.dispatch(incident, people.people(),
                (person, channel) -> attempts.getOrDefault(person + "#" + channel.id(), 0) + 1);
        timeline.record(incident.id(), round > 0 && tier == 0 ? "repeated" : "escalated", "tier", tier + 1, "round", round + 1,
                "jobs", jobs, "why", why, "nobodyOnDutyIn", people.emptyRosters().isEmpty() ? null : String.join(", ", people.emptyRosters()));
        Log.info("incident.escalated", "incidentId", incident.id(), "tier", tier + 1, "round", round + 1, "jobs", jobs);
        watch(incident, tier, round);
        return jobs;
    }
}
