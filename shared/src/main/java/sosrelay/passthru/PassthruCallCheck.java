package sosrelay.passthru;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sosrelay.calls.ExotelCallDetails;
import sosrelay.calls.VoiceApiTurns;
import sosrelay.calls.VoiceProviders;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Timeline;
import sosrelay.log.Log;
import sosrelay.metrics.OperatorSignals;
import sosrelay.timers.TimerJob;
import sosrelay.timers.Timers;

/**
 * Whoever has the webhook secret can send a Passthru, so a Passthru's CallSid is checked against Exotel's call
 * details: beside the first wave, never before it (a timer a few seconds after the raise). Nothing it finds stops a
 * delivery: only a person does (docs/ARCHITECTURE.md, "Only a person stops the ringing"). Exotel's details fill in
 * minutes after a call ends, so a 404 only asks again across that lag ({@link #ASKS}); a Passthru that is another
 * call, or still unknown at the last ask, is flagged suspect on its timeline (the board shows it with a stand-down
 * button) and pages the operators ({@code ForgedPassthru}), while retries and escalation go on.
 */
public final class PassthruCallCheck {
    /** When to ask, after the raise: Exotel's details of a call fill in up to 10-15 minutes after it (providers.md). */
    static final List<Duration> ASKS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15));
    /** After Exotel could not say: the 1st, 2nd, ... wait; the last repeats. */
    static final List<Duration> AFTER_UNAVAILABLE = List.of(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(120));

    private final IncidentStore incidents;
    private final Timeline timeline;
    private final Timers timers;
    private final ExotelCallDetails details;
    private final VoiceApiTurns voiceApi;
    private final Set<String> ourNumbers;
    private final Clock clock;

    /** {@code ourNumbers}: the ExoPhones the emergency line rings on, E.164. */
    public PassthruCallCheck(IncidentStore incidents, Timeline timeline, Timers timers,
                             ExotelCallDetails details, VoiceApiTurns voiceApi, Set<String> ourNumbers, Clock clock) {
        this.incidents = incidents;
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
        return Optional.of(TimerJob.passthruCheck(createdAt.plus(ASKS.get(0)), incident.id(), incident.trigger().sourceRef(), 0, 0));
    }

    /** The PASSTHRU_CHECK timer. */
    public void fire(TimerJob job) {
        Optional<Incident> incident = incidents.find(job.incidentId());
        if (incident.isEmpty()) {
            Log.warn("passthru-check.no-incident", "incidentId", job.incidentId());
            return;
        }
        Instant notBefore = voiceApi.take(job.incidentId(), VoiceProviders.EXOTEL);
        if (notBefore != null) {
            timers.schedule(new TimerJob(job.kind(), notBefore, job.incidentId(), null, null, job.attempt(), 0, job.providerId(), job.round()));
            return;
        }
        CallSidVerdict verdict = CallSidVerdict.of(details.lookup(job.providerId()), job.attempt() + 1 >= ASKS.size(), job.round(),
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
            case SUSPECT -> {
                // Flagged and paged, never resolved: a real emergency whose details Exotel lost must still ring.
                timeline.record(id, "passthru.suspect", "callSid", job.providerId(), "why", verdict.why(), "paged", "operators");
                OperatorSignals.suspectPassthru(id);
                Log.error("passthru-check.suspect", "incidentId", id, "callSid", job.providerId(), "why", verdict.why());
            }
            case ASK_AGAIN -> {
                // No sooner than the next ask's offset after this one: a postponed ask never shortens Exotel's lag.
                Duration wait = ASKS.get(job.attempt() + 1).minus(ASKS.get(job.attempt()));
                timeline.record(id, "passthru.not-yet", "callSid", job.providerId(), "why", verdict.why(), "nextAskIn", wait.toString());
                timers.schedule(TimerJob.passthruCheck(now.plus(wait), id, job.providerId(), job.attempt() + 1, 0));
            }
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
