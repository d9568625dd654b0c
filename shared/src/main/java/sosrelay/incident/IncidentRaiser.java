package sosrelay.incident;

import sosrelay.ack.AckCodes;
import sosrelay.dispatch.Dispatcher;
import sosrelay.escalation.Escalation;
import sosrelay.log.Log;

/** Stores an incident once, queues its first tier's notifications and starts its escalation clock, whatever raised it. */
public final class IncidentRaiser {

    /** The incident's id, whether this request created it, and how many jobs it queued. */
    public record Result(String incidentId, IncidentStore.Raised raised, int jobsQueued) {
    }

    private final IncidentStore incidents;
    private final Dispatcher dispatcher;
    private final AckCodes ackCodes;
    private final Escalation escalation;
    private final Timeline timeline;

    public IncidentRaiser(IncidentStore incidents, Dispatcher dispatcher, AckCodes ackCodes, Escalation escalation, Timeline timeline) {
        this.incidents = incidents;
        this.dispatcher = dispatcher;
        this.ackCodes = ackCodes;
        this.escalation = escalation;
        this.timeline = timeline;
    }

    public Result raise(Incident incident) {
        IncidentStore.Creation creation = incidents.create(incident);
        IncidentStore.Raised raised = creation.raised();
        if (!raised.mustDispatch()) {
            Log.info("incident.repeat", "incidentId", creation.incidentId(), "source", incident.trigger().source(),
                    "raised", raised.name());
            return new Result(creation.incidentId(), raised, 0);
        }
        ackCodes.register(incident.id());
        int jobs = dispatcher.dispatchFirstTier(incident, creation.createdAt());
        incidents.markDispatched(incident.id(), jobs);
        timeline.record(incident.id(), raised == IncidentStore.Raised.CREATED ? "raised" : "dispatch.resumed",
                "source", incident.trigger().source(), "type", incident.type(), "typeNote", incident.typeNote(),
                "recordingNote", incident.recording().note());
        timeline.record(incident.id(), "notified", "tier", 1, "jobs", jobs);
        escalation.watch(incident, 0);
        Log.info("incident.raised", "incidentId", incident.id(), "source", incident.trigger().source(), "type", incident.type(),
                "typeNote", incident.typeNote(), "recordingNote", incident.recording().note(), "jobs", jobs,
                "resumed", raised == IncidentStore.Raised.RESUMED);
        return new Result(incident.id(), raised, jobs);
    }
}
