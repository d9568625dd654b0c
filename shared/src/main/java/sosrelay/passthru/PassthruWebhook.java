package sosrelay.passthru;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import sosrelay.directory.Directory;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.MaintenanceWindow;
import sosrelay.directory.Person;
import sosrelay.directory.PhoneNumbers;
import sosrelay.directory.TypeChoice;
import sosrelay.incident.ExotelTimes;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
import sosrelay.raise.IncidentRaiser;
import sosrelay.incident.Recording;
import sosrelay.incident.RecordingPolicy;
import sosrelay.incident.Trigger;
import sosrelay.log.Log;
import sosrelay.web.CallbackFields;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;
import sosrelay.web.WebhookSecret;

/**
 * Exotel's Passthru applet, after the IVR choice and the voicemail: raises the incident and queues
 * the calls. Exotel documents two answers only: 200 takes the flow's first branch, 302 its second.
 * So the answer is 200 when the emergency is recorded and someone is being rung, and 302 for everything else (wrong
 * secret, bad request, our own failure, a raise that would outlast the deadline or rings nobody), with the reason in the body
 * and the log; the operator connects the 302 branch and the applet's timeout to the duty desk.
 */
public final class PassthruWebhook implements Webhook {
    static final String SOURCE = Trigger.EMERGENCY_LINE;
    /** Exotel's recordings become playable about five minutes after the call; our guess when it says nothing readable. */
    private static final Duration TYPICAL_RECORDING_DELAY = Duration.ofMinutes(5);
    private static final Duration PLAUSIBLE_CLOCK_SKEW = Duration.ofHours(1);

    private final WebhookSecret secret;
    private final DirectoryStore directory;
    private final RecordingPolicy recordings;
    private final IncidentRaiser raiser;
    private final Clock clock;
    private final PassthruDeadline deadline;

    public PassthruWebhook(WebhookSecret secret, DirectoryStore directory, RecordingPolicy recordings,
                           IncidentRaiser raiser, Clock clock, PassthruDeadline deadline) {
        this.secret = secret;
        this.directory = directory;
        this.recordings = recordings;
        this.raiser = raiser;
        this.clock = clock;
        this.deadline = deadline;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!secret.matches(request.pathParameter("secret"))) {
            return notRecorded(null, "wrong webhook secret");
        }
        Map<String, List<String>> params = request.parameters();
        String callSid = WebRequest.first(params, "CallSid");
        if (callSid == null) {
            return notRecorded(null, "CallSid is missing");
        }
        if (!CallbackFields.isProviderId(callSid)) {
            return notRecorded(null, "CallSid " + CallbackFields.PROVIDER_ID_RULE);
        }
        PassthruDeadline.Outcome<IncidentRaiser.Result> outcome =
                deadline.run(() -> raiser.raise(incident(callSid, params, directory.current())));
        if (outcome instanceof PassthruDeadline.Outcome.Done<IncidentRaiser.Result> done) {
            IncidentRaiser.Result result = done.value();
            if (result.nobodyRung() != null) {
                // Recorded, the operators paged, but nobody is coming: the desk's branch, never an "OK".
                return notRecorded(callSid, "recorded as " + result.incidentId() + " but nobody could be rung: " + result.nobodyRung());
            }
            return WebResponse.text(200, "OK " + result.incidentId()
                    + (result.raised().mustDispatch() ? "" : " (repeat: already raised)"));
        }
        if (outcome instanceof PassthruDeadline.Outcome.Failed<IncidentRaiser.Result> failed) {
            Log.error("passthru.failed", "callSid", callSid, "error", failed.error());
            // The log has the cause; the body must not name our classes to whoever called.
            return notRecorded(callSid, "the emergency could not be recorded");
        }
        // The raise goes on in the background, and if this Lambda freezes after answering, its dispatch guard
        // (DispatchGuard) resumes it: a duplicate alert from the duty desk is better than a caller told "done" by silence.
        return notRecorded(callSid, "the emergency was not recorded within " + deadline.limit().toMillis() + " ms");
    }

    /** Exotel's second branch (the duty desk): the only other answer its Passthru understands. */
    private static WebResponse notRecorded(String callSid, String reason) {
        Log.warn("passthru.second-branch", "callSid", callSid, "reason", reason);
        return WebResponse.text(302, reason);
    }

    private Incident incident(String callSid, Map<String, List<String>> params, Directory dir) {
        Instant now = clock.instant();
        TypeChoice type = dir.chooseType(WebRequest.first(params, "EmergencyType"), WebRequest.first(params, "digits"));
        Trigger trigger = new Trigger(SOURCE, callSid, reporter(params, dir), reportedAt(params, now), null, null,
                PhoneNumbers.toE164(callingNumber(params)));
        Incident incident = Incident.of(IncidentIds.forSource(SOURCE, callSid), trigger, type, recording(params, now), dir, null);
        MaintenanceWindow window = dir.maintenanceFor(now, type.type().name(), null, null);
        return window == null ? incident : incident.inMaintenance(window.describe());
    }

    private Recording recording(Map<String, List<String>> params, Instant now) {
        RecordingPolicy.Verdict verdict = recordings.check(WebRequest.first(params, "RecordingUrl"));
        if (verdict.url() == null) {
            return new Recording(null, null, verdict.refusal());
        }
        String availableBy = WebRequest.first(params, "RecordingAvailableBy");
        Instant availableAt = ExotelTimes.parse(availableBy);
        if (availableBy != null && availableAt == null) {
            return new Recording(verdict.url(), now.plus(TYPICAL_RECORDING_DELAY),
                    "RecordingAvailableBy '" + shorten(availableBy) + "' unreadable; assumed five minutes");
        }
        return new Recording(verdict.url(), availableAt, null);
    }

    /** The directory's name for the calling number, else the number itself. */
    private static String reporter(Map<String, List<String>> params, Directory dir) {
        String from = callingNumber(params);
        if (from == null) {
            return null;
        }
        Person known = dir.personWithPhone(PhoneNumbers.toE164(from));
        return known != null ? known.name() : shorten(from);
    }

    /** Who called the emergency number: told who is coming (when it is a phone number), and spoken to whoever picks up. */
    private static String callingNumber(Map<String, List<String>> params) {
        String from = WebRequest.first(params, "CallFrom");
        return from != null ? from : WebRequest.first(params, "From");
    }

    /** The call's start time when it is plausible, else now: a forged 1970 must not be read out to a doctor. */
    private static Instant reportedAt(Map<String, List<String>> params, Instant now) {
        Instant start = ExotelTimes.parse(WebRequest.first(params, "StartTime"));
        if (start == null || Duration.between(start, now).abs().compareTo(PLAUSIBLE_CLOCK_SKEW) > 0) {
            return now;
        }
        return start;
    }


    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40);
    }
}
