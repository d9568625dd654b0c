package sosrelay.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import sosrelay.delivery.DeliveryStatus;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Channel;
import sosrelay.directory.Person;
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
 * and jobs dedupe on their delivery claims. A step recorded but never notified (its worker failed or died between the
 * two) is never a dead end either: the next ESCALATE timer or mover of the incident to see it takes it over once its
 * notifier cannot still be running ({@link #NOTIFIER_GONE}), and sets a timer for then if it still could.
 */
public final class Escalation {
    /**
     * Longer than any function that notifies a step can run (the timer function's 30 s Timeout is the longest in
     * template.yaml): a step still not notified this long after it was recorded has lost its notifier, so taking it over
     * never rings a tier beside a notifier that is only slow.
     */
    public static final Duration NOTIFIER_GONE = Duration.ofSeconds(35);

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
        if (state == null || incident == null) {
            return;
        }
        if (!state.open() || state.activeTier() != job.tier() || state.round() != job.round()) {
            // Moved on meanwhile: by a worker that may have stopped before telling anyone (this very job, delivered again).
            resume(incident, state, job.tier(), job.round());
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
                return progress.unanswered(incident.id()) ? tellUnanswered(incident, tier, round, why) : resume(incident, tier, round);
            }
            nextTier = 0;
            nextRound = round + 1;
        }
        if (!progress.advance(incident.id(), tier, round, nextTier, nextRound)) {
            return resume(incident, tier, round);
        }
        return notifyTier(incident, nextTier, nextRound, why);
    }

    /** Someone else moved the incident on from tier {@code tier} of round {@code round}: if they stopped before telling anyone, it is done now. */
    private int resume(Incident incident, int tier, int round) {
        return progress.state(incident.id()).map(state -> resume(incident, state, tier, round)).orElse(0);
    }

    /**
     * Notifies the step {@code state} shows recorded but not notified, once its notifier cannot still be running (else a
     * timer for this job's step comes back then); returns how many jobs it queued. Acknowledged or resolved: nothing to do.
     */
    private int resume(Incident incident, IncidentProgress.State state, int tier, int round) {
        Instant since = state.unnotifiedSince();
        boolean unanswered = IncidentProgress.UNANSWERED.equals(state.status());
        if (since == null || !(state.open() || unanswered)) {
            return 0;
        }
        Instant now = clock.instant();
        Instant gone = since.plus(NOTIFIER_GONE);
        if (now.isBefore(gone) || !progress.takeOver(incident.id(), state)) {
            // Maybe only slow, or another worker took it over just now: look again when either would be done.
            timers.schedule(TimerJob.escalate(now.isBefore(gone) ? gone : now.plus(NOTIFIER_GONE), incident.id(), tier, round));
            return 0;
        }
        String why = "resumed: recorded at " + since + ", its notifier stopped before telling anyone";
        Log.warn("escalation.resumed", "incidentId", incident.id(), "tier", state.activeTier() + 1, "round", state.round() + 1,
                "status", state.status());
        return unanswered ? tellUnanswered(incident, state.activeTier(), state.round(), why)
                : notifyTier(incident, state.activeTier(), state.round(), why);
    }

    /** After the last round: the timeline says so and the operators are told, then the end is recorded as notified. */
    private int tellUnanswered(Incident incident, int tier, int round, String why) {
        timeline.record(incident.id(), "unanswered", "tier", tier + 1, "round", round + 1, "why", why);
        Log.warn("incident.unanswered", "incidentId", incident.id(), "rounds", round + 1);
        onUnanswered.accept(incident);
        progress.notified(incident.id(), tier, round);
        return 0;
    }

    /**
     * Notifies tier {@code tier} of round {@code round}, already recorded as active; moves on at once if nobody in it can
     * be notified (that move records the next step, which replaces this one as the step to notify).
     */
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
        Map<String, Person> byId = new HashMap<>();
        people.people().forEach(p -> byId.put(p.id(), p));
        // A call starts its round again at the person's first number; a text is simply its next attempt.
        int jobs = dispatcher.dispatch(incident, people.people(), (person, channel) -> {
            int last = attempts.getOrDefault(person + "#" + channel.id(), 0);
            return channel == Channel.CALL ? byId.get(person).nextRoundAfter(last) : last + 1;
        });
        timeline.record(incident.id(), round > 0 && tier == 0 ? "repeated" : "escalated", "tier", tier + 1, "round", round + 1,
                "jobs", jobs, "why", why, "nobodyOnDutyIn", people.emptyRosters().isEmpty() ? null : String.join(", ", people.emptyRosters()));
        Log.info("incident.escalated", "incidentId", incident.id(), "tier", tier + 1, "round", round + 1, "jobs", jobs);
        watch(incident, tier, round);
        // Only now, after its people's jobs and its deadline: a step not marked here is resumed, never lost.
        progress.notified(incident.id(), tier, round);
        return jobs;
    }
}
