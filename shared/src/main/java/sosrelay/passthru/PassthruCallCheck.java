package sosrelay.passthru;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sosrelay.calls.ExotelCallDetails;
import sosrelay.calls.VoiceApiTurns;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Timeline;
import sosrelay.log.Log;
import sosrelay.metrics.OperatorSignals;
import sosrelay.timers.TimerJob;
import sosrelay.timers.Timers;

/**
 * Whoever has the webhook secret can send a Passthru, so a Passthru's CallSid is checked against Exotel's call
 * details: beside the first wave, never before it (a timer a few seconds after the raise: the people are rung
 * whatever Exotel's details say, and later). A real emergency cannot be cancelled by it: Exotel's details of an
 * inbound call exist while the call is still in progress (the Passthru runs during it), and only a definite answer
 * forges ({@link CallSidVerdict}). A forged Passthru's incident is resolved, which stands down every call and text
 * not yet placed (each attempt asks {@code stillWanted} first) and its escalation; the operators are paged
 * ({@code ForgedPassthru}), never the clinical people again.
 */
public final class PassthruCallCheck {
    /** After the raise: the first wave is queued by then, and Exotel has had a moment to list the call. */
    static final Duration FIRST_CHECK = Duration.ofSeconds(5);
    /** After a first 404: Exotel's details may lag a moment behind the call. */
    static final Duration AFTER_NOT_FOUND = Duration.ofSeconds(10);
    /** After Exotel could not say: the 1st, 2nd, ... wait; the last repeats. */
    static final List<Duration> AFTER_UNAVAILABLE = List.of(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(120));

    private final IncidentStore incidents;
    private final IncidentProgress progress;
    private final Timeline timeline;
    private final Timers timers;
    private final ExotelCallDetails details;
    private final VoiceApiTurns voiceApi;
    private final Set<String> ourNumbers;
    private final Clock clock;

    /** {@code ourNumbers}: the ExoPhones the emergency line rings on, E.164. */
    public PassthruCallCheck(IncidentStore incidents, IncidentProgress progress, Timeline timeline, Timers timers,
                             ExotelCallDetails details, VoiceApiTurns voiceApi, Set<String> ourNumbers, Clock clock) {
        this.incidents = incidents;
        this.progress = progress;
        this.timeline = timeline;
        this.timers = timers;
        this.details = details;
        this.voiceApi = voiceApi;
        this.ourNumbers = Set.copyOf(ourNumbers);
        this.clock = clock;
    }

    /** The first check of a Passthru's incident; static, so the Passthru schedules it without Exotel's credentials. */
    public static Optional<TimerJob> firstTry(Incident incident, Instant createdAt) {
        if (!PassthruWebhook.SOURCE.equals(incident.trigger().source())) {
            return Optional.empty();
        }
        return Optional.of(TimerJob.passthruCheck(createdAt.plus(FIRST_CHECK), incident.id(), incident.trigger().sourceRef(), 0, 0));
    }

    /** The PASSTHRU_CHECK timer. */
    public void fire(TimerJob job) {
        Optional<Incident> incident = incidents.find(job.incidentId());
        if (incident.isEmpty()) {
            Log.warn("passthru-check.no-incident", "incidentId", job.incidentId());
            return;
        }
        Instant notBefore = voiceApi.take(job.incidentId());
        if (notBefore != null) {
            timers.schedule(new TimerJob(job.kind(), notBefore, job.incidentId(), null, null, job.attempt(), 0, job.providerId(), job.round()));
            return;
        }
        CallSidVerdict verdict = CallSidVerdict.of(details.lookup(job.providerId()), job.attempt(), job.round(),
                incident.get().trigger().reportTo(), ourNumbers);
        act(job, verdict);
    }

    private void act(TimerJob job, CallSidVerdict verdict) {
        String id = job.incidentId();
        Instant now = clock.instant();
        switch (verdict.kind()) {
            case VERIFIED -> {
                timeline.record(id, "passthru.verified", "callSid", job.providerId(), "why", verdict.why());
                Log.info("passthru-check.verified", "incidentId", id, "callSid", job.providerId());
            }
            case FORGED -> {
                // Resolved: every call and text not yet placed is dropped by its stillWanted, the escalation stops.
                boolean stoodDown = progress.resolve(id);
                timeline.record(id, "passthru.forged", "callSid", job.providerId(), "why", verdict.why(),
                        "pendingCancelled", stoodDown, "paged", "operators");
                OperatorSignals.forgedPassthru(id);
                Log.error("passthru-check.forged", "incidentId", id, "callSid", job.providerId(), "why", verdict.why(),
                        "pendingCancelled", stoodDown);
            }
            case ASK_AGAIN -> timers.schedule(TimerJob.passthruCheck(now.plus(AFTER_NOT_FOUND), id, job.providerId(),
                    job.attempt() + 1, job.round()));
            case RETRY -> {
                Log.warn("passthru-check.unavailable", "incidentId", id, "callSid", job.providerId(), "why", verdict.why(),
                        "try", job.round() + 1);
                Duration wait = AFTER_UNAVAILABLE.get(Math.min(job.round(), AFTER_UNAVAILABLE.size() - 1));
                timers.schedule(TimerJob.passthruCheck(now.plus(wait), id, job.providerId(), job.attempt(), job.round() + 1));
            }
            case UNVERIFIED -> {
                timeline.record(id, "passthru.unverified", "callSid", job.providerId(), "why", verdict.why());
                OperatorSignals.unverifiedPassthru(id);
                Log.warn("passthru-check.unverified", "incidentId", id, "callSid", job.providerId(), "why", verdict.why());
            }
        }
    }
}
