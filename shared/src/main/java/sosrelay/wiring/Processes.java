package sosrelay.wiring;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import sosrelay.ack.Acknowledgements;
import sosrelay.ack.CodeReplies;
import sosrelay.calls.ExotelAccount;
import sosrelay.calls.ExotelCallDetails;
import sosrelay.calls.LostCallbackCheck;
import sosrelay.calls.ProviderHealth;
import sosrelay.calls.VoiceBudgets;
import sosrelay.calls.VoiceProviders;
import sosrelay.calls.VoiceApiTurns;
import sosrelay.config.Settings;
import sosrelay.delivery.DeliveryOutcomes;
import sosrelay.delivery.PendingReports;
import sosrelay.directory.PhoneNumbers;
import sosrelay.dispatch.Retries;
import sosrelay.escalation.Escalation;
import sosrelay.heartbeat.HeartbeatStore;
import sosrelay.heartbeat.Heartbeats;
import sosrelay.incident.CurrentRosters;
import sosrelay.metrics.IncidentMetrics;
import sosrelay.notices.ReportBack;
import sosrelay.notices.StandDown;
import sosrelay.pacing.Pacer;
import sosrelay.passthru.PassthruCallCheck;
import sosrelay.raise.DispatchGuard;
import sosrelay.raise.IncidentRaiser;
import sosrelay.recordings.ExotelRecordingFetch;
import sosrelay.recordings.RecordingCopies;
import sosrelay.secrets.SecretValue;

/**
 * The processes every family shares: the raise chain, escalation, retries, outcomes of deliveries,
 * acknowledgements, the voice budget and the look-ups that take turns in it, the recording copy.
 */
final class Processes {
    private final Foundation base;
    final Lazy<ReportBack> reportBack;
    final Lazy<Escalation> escalation;
    final Lazy<Retries> retries;
    final Lazy<DeliveryOutcomes> outcomes;
    final Lazy<Acknowledgements> acknowledgements;
    final Lazy<ProviderHealth> providerHealth;
    final Lazy<VoiceBudgets> voiceBudgets;
    final Lazy<Pacer> voicePacer;
    final Lazy<VoiceProviders> voiceProviders;
    final Lazy<LostCallbackCheck> lostCallbacks;
    final Lazy<PassthruCallCheck> passthruChecks;
    final Lazy<RecordingCopies> recordingCopies;
    final Lazy<IncidentRaiser> raiser;
    final Lazy<DispatchGuard> dispatchGuard;

    Processes(Foundation base) {
        this.base = base;
        Settings settings = base.settings;
        this.reportBack = new Lazy<>(() -> new ReportBack(base.dispatcher.get(), base.timeline.get()));
        this.escalation = new Lazy<>(() -> new Escalation(base.incidents.get(), base.progress.get(), base.deliveries.get(),
                base.dispatcher.get(), base.timers.get(), base.timeline.get(), incident -> {
                    if (!incident.trigger().exercise()) {
                        // A drill or test call nobody answered is in its report, not an operator's alarm.
                        IncidentMetrics.unanswered(incident.id(), incident.type());
                    }
                    reportBack.get().unanswered(incident);
                }, currentRosters(), base.clock));
        this.retries = new Lazy<>(() -> new Retries(base.incidents.get(), base.progress.get(), base.deliveries.get(), base.timers.get(),
                base.dispatcher.get(), base.timeline.get(), currentRosters(), base.clock));
        this.outcomes = new Lazy<>(() -> new DeliveryOutcomes(base.deliveries.get(),
                new PendingReports(base.dynamo.get(), base.incidentsTable(), base.clock), base.timeline.get(),
                ref -> retries.get().afterUnanswered(ref), ref -> retries.get().afterFailedMessage(ref)));
        this.acknowledgements = new Lazy<>(() -> new Acknowledgements(base.incidents.get(), base.progress.get(), base.timeline.get(),
                escalation.get(), new StandDown(base.deliveries.get(), base.dispatcher.get(), base.timeline.get()), reportBack.get(),
                incidentId -> base.deliveries.get().forIncident(incidentId).stream().map(d -> d.personId())
                        .filter(id -> !id.contains("~")).collect(Collectors.toSet()), base.openSlots.get(), base.reachedPeople(),
                base.clock));
        this.providerHealth = new Lazy<>(() -> new ProviderHealth(base.clock));
        this.voiceBudgets = new Lazy<>(() -> Voices.budgets(base, providerHealth.get()));
        this.voicePacer = new Lazy<>(() -> Voices.pacer(base, voiceBudgets.get()));
        this.voiceProviders = new Lazy<>(() -> Voices.providers(base, exotelAccount()));
        this.lostCallbacks = new Lazy<>(() -> new LostCallbackCheck(base.deliveries.get(), voiceProviders.get(), outcomes.get(), base.timers.get(),
                settings.calls().ringTimeout().plus(settings.calls().callbackGrace()), voiceApiTurns(), base.clock));
        this.passthruChecks = new Lazy<>(() -> new PassthruCallCheck(base.incidents.get(), base.timeline.get(),
                base.timers.get(), new ExotelCallDetails(base.http.get(), exotelAccount()), voiceApiTurns(), inboundNumbers(),
                base.clock));
        // Recordings: the raise chain schedules the copy (only where a recording can come: the Passthru, the device API),
        // the timer fetches it into RECORDINGS_BUCKET, the greeting plays it through a presigned URL.
        this.recordingCopies = new Lazy<>(() -> new RecordingCopies(base.incidents.get(), base.timers.get(), base.timeline.get(),
                base.recordingPolicy(), new ExotelRecordingFetch(base.http.get(), settings.exotel().apiKey(),
                        base.secret(settings.exotel().apiToken(), SecretValue.KEPT), settings.exotel().requestTimeout(),
                        settings.recordings().maxBytes()),
                base.recordingsBucket.get()));
        this.raiser = new Lazy<>(() -> {
            boolean checkCallSids = settings.triggers().passthruCallCheck();
            return new IncidentRaiser(base.incidents.get(), base.dispatcher.get(), escalation.get(), base.timeline.get(), List.of(
                    (incident, createdAt) -> RecordingCopies.firstTry(incident, createdAt)
                            .ifPresent(job -> base.timers.get().schedule(job)),
                    (incident, createdAt) -> PassthruCallCheck.firstTry(incident, createdAt)
                            .filter(job -> checkCallSids).ifPresent(job -> base.timers.get().schedule(job))),
                    incident -> base.timers.get().schedule(DispatchGuard.firstTry(incident, base.clock.instant())),
                    base.executor.get());
        });
        // The DISPATCH_CHECK timer's resume, built after the raiser it resumes with.
        this.dispatchGuard = new Lazy<>(() -> new DispatchGuard(base.incidents.get(), raiser.get(), base.timers.get(), base.clock));
    }

    CurrentRosters currentRosters() {
        return new CurrentRosters(() -> base.directory.get().current(), base.incidents.get());
    }

    CodeReplies codeReplies() {
        return new CodeReplies(base.ackCodes.get(), base.incidents.get(), acknowledgements.get());
    }

    /** Beats and the scheduled silence check; it keeps nothing between calls, so each caller builds its own. */
    Heartbeats heartbeats() {
        return new Heartbeats(base.directory.get(), new HeartbeatStore(base.dynamo.get(), base.incidentsTable()), raiser.get(),
                base.incidents.get(), base.progress.get(), id -> acknowledgements.get().resolved(id), base.timeline.get(),
                base.clock);
    }

    ExotelAccount exotelAccount() {
        return Voices.exotelAccount(base, base.settings.exotel(), base.settings.calls().callerId(), base.settings.calls().flowUrl(), "");
    }

    /** Turns in the asked provider's voice budget for call-details questions (a lost callback, a Passthru's CallSid). */
    private VoiceApiTurns voiceApiTurns() {
        return new VoiceApiTurns(voiceBudgets.get()::forLookups, base.settings.pacing().maxWait(), base.clock);
    }

    /** The ExoPhones a real Passthru's call is to, as EXOTEL_INBOUND_NUMBERS lists them, in E.164 (none listed: not compared). */
    private Set<String> inboundNumbers() {
        return base.settings.triggers().inboundNumbers().stream()
                .map(number -> Objects.requireNonNullElse(PhoneNumbers.toE164(number), number))
                .collect(Collectors.toUnmodifiableSet());
    }
}
