package sosrelay.raise;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import sosrelay.dispatch.Dispatcher;
import sosrelay.escalation.Escalation;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Timeline;
import sosrelay.log.Log;
import sosrelay.metrics.OperatorSignals;

/**
 * Stores an incident once, queues its first tier's notifications and starts its escalation clock, whatever raised it.
 * The first tier's rosters are asked who is on duty now; a first tier with nobody on duty hands over
 * to the next at once. An incident a maintenance window silences is stored and rings nobody (a Passthru and a
 * {@code priority: high} type ring as usual: {@link Incident#ringsInMaintenance}). A raise that rings nobody at once,
 * for whatever reason, pages the operators and says so in its result (the Passthru answers 302: the desk's branch).
 * Only the order that matters is kept: the incident is stored before any job is queued, and marked
 * dispatched only after every job is queued and its escalation clock started, so a failure anywhere
 * leaves it to be resumed by the caller's retry. The writes that need no such order go side by side
 * with the queueing: the Passthru's caller waits on three round trips instead of seven.
 */
public final class IncidentRaiser {

    /**
     * The incident's id, whether this request created it, how many jobs it queued, and why it rang nobody at once (null
     * when it rang someone, or repeated an earlier raise).
     */
    public record Result(String incidentId, IncidentStore.Raised raised, int jobsQueued, String nobodyRung) {
    }

    private final IncidentStore incidents;
    private final Dispatcher dispatcher;
    private final Escalation escalation;
    private final Timeline timeline;
    private final List<Watch> watches;
    private final java.util.function.Consumer<Incident> dispatchGuard;
    private final Executor sideWrites;

    /**
     * Starts something that follows a new incident on its own clock (a timer: the copy of its recording, the check of
     * a Passthru's CallSid); each runs beside the first wave's queueing, never before it, and is done before the raise
     * answers, so a Lambda frozen after its answer cannot lose it.
     */
    @FunctionalInterface
    public interface Watch {
        void watch(Incident incident, java.time.Instant createdAt);
    }

    /**
     * {@code dispatchGuard} sets the {@link DispatchGuard} timer, beside the incident's first write and before anything
     * that may freeze; {@code sideWrites} runs the independent writes; they never wait on it themselves, so any pool will do.
     */
    public IncidentRaiser(IncidentStore incidents, Dispatcher dispatcher, Escalation escalation, Timeline timeline,
                          List<Watch> watches, java.util.function.Consumer<Incident> dispatchGuard, Executor sideWrites) {
        this.incidents = incidents;
        this.dispatcher = dispatcher;
        this.escalation = escalation;
        this.timeline = timeline;
        this.watches = List.copyOf(watches);
        this.dispatchGuard = dispatchGuard;
        this.sideWrites = sideWrites;
    }

    public Result raise(Incident incident) {
        // Set as the raise starts, beside the incident's first write: if this function freezes after answering (a
        // Passthru's 302) or dies before marking it dispatched, the timer resumes the dispatch. Joined before any answer.
        CompletableFuture<Void> guard = CompletableFuture.runAsync(() -> dispatchGuard.accept(incident), sideWrites);
        IncidentStore.Creation creation = incidents.create(incident);
        IncidentStore.Raised raised = creation.raised();
        try {
            join(guard);
        } catch (RuntimeException notSet) {
            // The guard is a second chance, never a gate: without it the raise still rings everyone.
            Log.error("dispatch-guard.not-set", "incidentId", incident.id(), "error", notSet);
        }
        if (!raised.mustDispatch()) {
            Log.info("incident.repeat", "incidentId", creation.incidentId(), "source", incident.trigger().source(),
                    "raised", raised.name());
            return new Result(creation.incidentId(), raised, 0, null);
        }
        CompletableFuture<Void> raisedLine = CompletableFuture.runAsync(() -> timeline.record(incident.id(),
                raised == IncidentStore.Raised.CREATED ? "raised" : "dispatch.resumed",
                "source", incident.trigger().source(), "type", incident.type(), "typeNote", incident.typeNote(),
                "recordingNote", incident.recording().note(), "priority", incident.priority().id()), sideWrites);
        // Whoever is rung or not, the watches start: the recording is copied (the later calls' greeting plays it), a
        // Passthru's CallSid is checked. Each on its own side thread, so none adds to the caller's wait.
        for (Watch watch : watches) {
            raisedLine = raisedLine.thenCombine(CompletableFuture.runAsync(() -> watch.watch(incident, creation.createdAt()), sideWrites),
                    (a, b) -> null);
        }
        if (incident.silencedByMaintenance()) {
            timeline.record(incident.id(), "maintenance", "window", incident.maintenance(), "why", "raised in a maintenance window: nobody is rung");
            incidents.markDispatched(incident.id(), 0);
            join(raisedLine);
            Log.info("incident.in-maintenance", "incidentId", incident.id(), "window", incident.maintenance());
            return nobodyRung(incident, raised, "raised in " + incident.maintenance());
        }
        if (incident.maintenance() != null) {
            timeline.record(incident.id(), "maintenance.rings-anyway", "window", incident.maintenance(),
                    "why", "the emergency line and high-priority types ring in a maintenance window");
        }
        Incident.TierPeople first = incident.tierPeople(0, creation.createdAt());
        if (first.people().isEmpty()) {
            timeline.record(incident.id(), "tier.skipped", "tier", 1, "round", 1,
                    "why", "nobody on duty in " + String.join(", ", first.emptyRosters()));
            int next = escalation.moveOn(incident, 0, 0, "tier 1 had nobody on duty");
            incidents.markDispatched(incident.id(), next);
            join(raisedLine);
            return next > 0 ? new Result(incident.id(), raised, next, null)
                    : nobodyRung(incident, raised, "nobody on duty in any tier (" + String.join(", ", first.emptyRosters()) + " first)");
        }
        CompletableFuture<Void> escalationClock = CompletableFuture.runAsync(() -> escalation.watch(incident, 0, 0), sideWrites);
        // On the caller's thread: the queueing uses the pool itself, and must not wait behind its own side writes.
        int jobs = dispatcher.dispatchFirstTier(incident, first.people(), creation.createdAt());
        CompletableFuture<Void> notifiedLine = CompletableFuture.runAsync(() -> timeline.record(incident.id(), "notified",
                "tier", 1, "jobs", jobs,
                "nobodyOnDutyIn", first.emptyRosters().isEmpty() ? null : String.join(", ", first.emptyRosters())), sideWrites);
        join(CompletableFuture.allOf(escalationClock, raisedLine));
        incidents.markDispatched(incident.id(), jobs);
        join(notifiedLine);
        Log.info("incident.raised", "incidentId", incident.id(), "source", incident.trigger().source(), "type", incident.type(),
                "typeNote", incident.typeNote(), "recordingNote", incident.recording().note(), "jobs", jobs,
                "resumed", raised == IncidentStore.Raised.RESUMED);
        return jobs > 0 ? new Result(incident.id(), raised, jobs, null) : nobodyRung(incident, raised, "tier 1 has nobody to ring");
    }

    /** Never silent: a raise that rang nobody pages the operators (an exercise only says so). */
    private Result nobodyRung(Incident incident, IncidentStore.Raised raised, String why) {
        boolean page = !incident.trigger().exercise();
        timeline.record(incident.id(), "nobody-rung", "why", why, "paged", page ? "operators" : null);
        if (page) {
            OperatorSignals.nobodyRung(incident.trigger().source(), incident.id());
        }
        Log.warn("incident.nobody-rung", "incidentId", incident.id(), "source", incident.trigger().source(), "why", why);
        return new Result(incident.id(), raised, 0, why);
    }

    /** The side write's own exception, as if it had run on this thread. */
    private static void join(CompletableFuture<Void> writes) {
        try {
            writes.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
