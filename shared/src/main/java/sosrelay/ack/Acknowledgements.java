package sosrelay.ack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sosrelay.escalation.Escalation;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.OpenIncidentSlots;
import sosrelay.incident.Timeline;
import sosrelay.log.Log;
import sosrelay.people.ReachedPeople;
import sosrelay.notices.ReportBack;
import sosrelay.notices.StandDown;

/**
 * A person saying "I'm on it" (by keypress or SMS reply) or "I cannot come" (pressing 2). Each is
 * counted once per person. When as many have acknowledged as the active tier requires, the incident
 * is acknowledged, which stops escalation and pending retries (everyone already called stays called:
 * more hands are fine in a hospital), and everyone else notified is stood down. Whoever raised it
 * hears at the first acknowledgement and when enough came. A decline stops that person's retries,
 * and brings in the next tier at once when the active tier can no longer gather its {@code required}.
 */
public final class Acknowledgements {

    /** What an acknowledgement or a decline achieved. */
    public enum Outcome { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, DECLINED, NOT_A_RECIPIENT, UNKNOWN_INCIDENT }

    private final IncidentStore incidents;
    private final IncidentProgress progress;
    private final Timeline timeline;
    private final Escalation escalation;
    private final StandDown standDown;
    private final ReportBack reportBack;
    /** Who has a delivery so far; a decline compares it, and the tiers notified, with the answers. */
    private final java.util.function.Function<String, Set<String>> notified;
    private final java.time.Clock clock;
    private final OpenIncidentSlots openSlots;
    private final ReachedPeople reached;

    public Acknowledgements(IncidentStore incidents, IncidentProgress progress, Timeline timeline, Escalation escalation,
                            StandDown standDown, ReportBack reportBack, java.util.function.Function<String, Set<String>> notified,
                            OpenIncidentSlots openSlots, ReachedPeople reached, java.time.Clock clock) {
        this.clock = clock;
        this.reached = reached;
        this.openSlots = openSlots;
        this.incidents = incidents;
        this.progress = progress;
        this.timeline = timeline;
        this.escalation = escalation;
        this.standDown = standDown;
        this.reportBack = reportBack;
        this.notified = notified;
    }

    public Outcome acknowledge(String incidentId, String personId, String via) {
        Optional<Incident> found = incidents.find(incidentId);
        Optional<IncidentProgress.State> state = progress.state(incidentId);
        if (found.isEmpty() || state.isEmpty()) {
            return Outcome.UNKNOWN_INCIDENT;
        }
        Incident incident = found.get();
        if (incident.recipient(personId) == null) {
            return Outcome.NOT_A_RECIPIENT;
        }
        if (!progress.recordAcknowledgement(incidentId, personId, via)) {
            return Outcome.ALREADY_ACKNOWLEDGED;
        }
        timeline.record(incidentId, "acknowledged", "personId", personId, "via", via);
        markReached(personId);
        List<String> acknowledgers = new ArrayList<>(progress.acknowledgers(incidentId));
        int required = required(incident, state.get());
        reportBack.acknowledged(incident, personId, acknowledgers, required);
        if (acknowledgers.size() >= required && progress.acknowledge(incidentId)) {
            timeline.record(incidentId, "incident.acknowledged", "acknowledgements", acknowledgers.size(), "required", required);
            if (incident.raisedBy() != null) {
                openSlots.release(incident.raisedBy(), incidentId);
            }
            Log.info("incident.acknowledged", "incidentId", incidentId, "acknowledgements", acknowledgers.size());
            standDown.covered(incident, acknowledgers, required);
        }
        return Outcome.ACKNOWLEDGED;
    }

    /** "I cannot come": recorded, that person is not called again, and the next tier comes in at once if this one can no longer make it. */
    public Outcome decline(String incidentId, String personId, String via) {
        Optional<Incident> found = incidents.find(incidentId);
        Optional<IncidentProgress.State> state = progress.state(incidentId);
        if (found.isEmpty() || state.isEmpty()) {
            return Outcome.UNKNOWN_INCIDENT;
        }
        Incident incident = found.get();
        if (incident.recipient(personId) == null) {
            return Outcome.NOT_A_RECIPIENT;
        }
        Set<String> acknowledgers = progress.acknowledgers(incidentId);
        if (acknowledgers.contains(personId)) {
            return Outcome.ALREADY_ACKNOWLEDGED;
        }
        if (progress.recordDecline(incidentId, personId, via)) {
            timeline.record(incidentId, "declined", "personId", personId, "via", via);
        }
        IncidentProgress.State now = state.get();
        if (!now.open()) {
            return Outcome.DECLINED;
        }
        Set<String> decliners = progress.decliners(incidentId);
        Set<String> everyone = new java.util.HashSet<>(notified.apply(incidentId));
        for (int tier = 0; tier <= now.activeTier(); tier++) {
            incident.tierPeople(tier, clock.instant()).people().forEach(p -> everyone.add(p.id()));
        }
        long undecided = everyone.stream()
                .filter(p -> !acknowledgers.contains(p) && !decliners.contains(p)).count();
        int required = required(incident, now);
        if (acknowledgers.size() + undecided < required) {
            Log.info("incident.declined-out", "incidentId", incidentId, "tier", now.activeTier() + 1);
            escalation.moveOn(incident, now.activeTier(), now.round(), "declined: " + acknowledgers.size() + " acknowledged, "
                    + undecided + " undecided, " + required + " required");
        }
        return Outcome.DECLINED;
    }

    /** Their number reaches them; the acknowledgement stands even if this cannot be written now. */
    private void markReached(String personId) {
        try {
            reached.answered(personId);
        } catch (RuntimeException e) {
            Log.warn("reached.not-recorded", "personId", personId, "error", e.getClass().getSimpleName());
        }
    }

    /** After a resolve: everyone notified who has not acknowledged is stood down. */
    public void resolved(String incidentId) {
        incidents.find(incidentId).ifPresent(incident -> {
            List<String> acknowledgers = new ArrayList<>(progress.acknowledgers(incidentId));
            int required = required(incident, progress.state(incidentId).orElse(new IncidentProgress.State(IncidentProgress.RESOLVED, 0)));
            standDown.covered(incident, acknowledgers, required);
        });
    }

    private static int required(Incident incident, IncidentProgress.State state) {
        return incident.tiers().get(Math.min(state.activeTier(), incident.tiers().size() - 1)).required();
    }
}
