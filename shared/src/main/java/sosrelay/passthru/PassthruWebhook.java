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
import sosrelay.incident.IncidentRaiser;
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
 * the calls. Exotel waits on this answer and reads any non-200 as "take the other branch", so the
 * answer is 200 whenever the emergency is recorded, and never a redirect.
 */
public final class PassthruWebhook implements Webhook {
    static final String SOURCE = "exotel-call";
    /** Exotel's recordings become playable about five minutes after the call; our guess when it says nothing readable. */
    private static final Duration TYPICAL_RECORDING_DELAY = Duration.ofMinutes(5);
    private static final Duration PLAUSIBLE_CLOCK_SKEW = Duration.ofHours(1);

    private final WebhookSecret secret;
    private final DirectoryStore directory;
    private final RecordingPolicy recordings;
    private final IncidentRaiser raiser;
    private final Clock clock;

    public PassthruWebhook(WebhookSecret secret, DirectoryStore directory, RecordingPolicy recordings,
                           IncidentRaiser raiser, Clock clock) {
        this.secret = secret;
        this.directory = directory;
        this.recordings = recordings;
        this.raiser = raiser;
        this.clock = clock;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (!secret.matches(request.pathParameter("secret"))) {
            return WebResponse.text(403, "wrong webhook secret");
        }
        Map<String, List<String>> params = request.parameters();
        String callSid = first(params, "CallSid");
        if (callSid == null) {
            return WebResponse.text(400, "CallSid is missing");
        }
        if (!CallbackFields.isProviderId(callSid)) {
            return WebResponse.text(400, "CallSid " + CallbackFields.PROVIDER_ID_RULE);
        }
        try {
            IncidentRaiser.Result result = raiser.raise(incident(callSid, params, directory.current()));
            return WebResponse.text(200, "OK " + result.incidentId()
                    + (result.raised().mustDispatch() ? "" : " (repeat: already raised)"));
        } catch (RuntimeException e) {
            // Not the caller's fault: a 503 sends Exotel's flow down its fallback branch (the README
            // says to connect that branch to the duty desk), which is better than a caller told "done".
            Log.error("passthru.failed", "callSid", callSid, "error", e);
            // The log has the cause; the body must not name our classes to whoever called.
            return WebResponse.text(503, "the emergency could not be recorded");
        }
    }

    private Incident incident(String callSid, Map<String, List<String>> params, Directory dir) {
        Instant now = clock.instant();
        TypeChoice type = dir.chooseType(first(params, "EmergencyType"), first(params, "digits"));
        Trigger trigger = new Trigger(SOURCE, callSid, reporter(params, dir), reportedAt(params, now), null, null,
                PhoneNumbers.toE164(callingNumber(params)));
        Incident incident = Incident.of(IncidentIds.forSource(SOURCE, callSid), trigger, type, recording(params, now), dir, null);
        MaintenanceWindow window = dir.maintenanceFor(now, type.type().name(), null, null);
        return window == null ? incident : incident.inMaintenance(window.describe());
    }

    private Recording recording(Map<String, List<String>> params, Instant now) {
        RecordingPolicy.Verdict verdict = recordings.check(first(params, "RecordingUrl"));
        if (verdict.url() == null) {
            return new Recording(null, null, verdict.refusal());
        }
        String availableBy = first(params, "RecordingAvailableBy");
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
        String from = first(params, "CallFrom");
        return from != null ? from : first(params, "From");
    }

    /** The call's start time when it is plausible, else now: a forged 1970 must not be read out to a doctor. */
    private static Instant reportedAt(Map<String, List<String>> params, Instant now) {
        Instant start = ExotelTimes.parse(first(params, "StartTime"));
        if (start == null || Duration.between(start, now).abs().compareTo(PLAUSIBLE_CLOCK_SKEW) > 0) {
            return now;
        }
        return start;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return null;
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst().orElse(null);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40);
    }
}
