package sosrelay.ack;

import java.util.Optional;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.OpenIncidentSlots;
import sosrelay.incident.Timeline;
import sosrelay.log.Log;

/**
 * A person saying "I'm on it", by keypress or SMS reply. Counted once per person; when as many have
 * acknowledged as the active tier requires, the incident is acknowledged, which stops escalation and
 * pending retries (everyone already called stays called: more hands are fine in a hospital).
 */
public final class Acknowledgements {

    /** What an acknowledgement achieved. */
    public enum Outcome { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, NOT_A_RECIPIENT, UNKNOWN_INCIDENT }

    private final IncidentStore incidents;
    private final IncidentProgress progress;
    private final Timeline timeline;
    private final OpenIncidentSlots openSlots;

    public Acknowledgements(IncidentStore incidents, IncidentProgress progress, Timeline timeline, OpenIncidentSlots openSlots) {
        this.incidents = incidents;
        this.progress = progress;
        this.timeline = timeline;
        this.openSlots = openSlots;
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
        int acknowledged = progress.acknowledgers(incidentId).size();
        int required = incident.tiers().get(Math.min(state.get().activeTier(), incident.tiers().size() - 1)).required();
        if (acknowledged >= required && progress.acknowledge(incidentId)) {
            timeline.record(incidentId, "incident.acknowledged", "acknowledgements", acknowledged, "required", required);
            if (incident.raisedBy() != null) {
                openSlots.release(incident.raisedBy(), incidentId);
            }
            Log.info("incident.acknowledged", "incidentId", incidentId, "acknowledgements", acknowledged);
        }
        return Outcome.ACKNOWLEDGED;
    }
}
