package sosrelay.incident;

import sosrelay.dispatch.Dispatcher;
import sosrelay.log.Log;

/** Stores an incident once and queues its notifications, whatever raised it. */
public final class IncidentRaiser {

    /** The incident's id, whether this request created it, and how many jobs it queued. */
    public record Result(String incidentId, IncidentStore.Raised raised, int jobsQueued) {
    }

    private final IncidentStore incidents;
    private final Dispatcher dispatcher;

    public IncidentRaiser(IncidentStore incidents, Dispatcher dispatcher) {
        this.incidents = incidents;
        this.dispatcher = dispatcher;
    }

    public Result raise(Incident incident) {
        IncidentStore.Creation creation = incidents.create(incident);
        IncidentStore.Raised raised = creation.raised();
        if (!raised.mustDispatch()) {
            Log.info("incident.repeat", "incidentId", creation.incidentId(), "source", incident.trigger().source(),
                    "raised", raised.name());
            return new Result(creation.incidentId(), raised, 0);
        }
        int jobs = dispatcher.dispatch(incident);
        incidents.markDispatched(incident.id(), jobs);
        Log.info("incident.raised", "incidentId", incident.id(), "source", incident.trigger().source(), "type", incident.type(),
                "typeNote", incident.typeNote(), "recordingNote", incident.recording().note(), "jobs", jobs,
                "resumed", raised == IncidentStore.Raised.RESUMED);
        return new Result(incident.id(), raised, jobs);
    }
}
