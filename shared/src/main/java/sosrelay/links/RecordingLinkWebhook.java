package sosrelay.links;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.log.Log;
import sosrelay.recordings.RecordingsBucket;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/**
 * {@code GET|HEAD /r/{token}}, opened from a text on a doctor's phone, with no key: the token is the credential. A
 * link that plays answers 302 to a presigned URL of our copy, fresh and short-lived, never Exotel's (which plays
 * only with the account's credentials). It keeps playing after the incident is resolved, until it expires: the
 * doctor may still want to hear the caller. The answers that do not play say so in a line of text and name no
 * incident, person or recording.
 *
 * <p>Until the copy exists (the first minutes after the call: Exotel keeps recordings back up to 15 minutes) the
 * answer is 503 with {@code Retry-After}, not 404: a phone browser shows either's text, but a 404 may be kept by a
 * browser or a carrier's proxy (it is cacheable by default), and the same link must play a minute later. Every
 * answer is {@code no-store} for that reason, and because the presigned URL in a 302 expires in minutes.
 */
public final class RecordingLinkWebhook implements Webhook {
    static final String NOT_READY = "The recording is not ready yet: the call plays it. Try this link again in a minute.";
    static final String NO_RECORDING = "This alert has no recording: the call tells you what happened.";
    static final String UNKNOWN = "This link is not known.";
    static final String EXPIRED = "This link has expired.";
    static final String UNAVAILABLE = "The recording cannot be reached just now. Try this link again in a minute.";
    private static final String RETRY_AFTER_SECONDS = "60";

    private final RecordingLinks links;
    private final IncidentStore incidents;
    private final RecordingsBucket recordings;
    private final Clock clock;

    public RecordingLinkWebhook(RecordingLinks links, IncidentStore incidents, RecordingsBucket recordings, Clock clock) {
        this.links = links;
        this.incidents = incidents;
        this.recordings = recordings;
        this.clock = clock;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        WebResponse answer = answer(request.pathParameter("token"));
        return "HEAD".equals(request.method()) ? answer.withoutBody() : answer;
    }

    private WebResponse answer(String token) {
        if (RecordingLinks.NO_RECORDING.equals(token)) {
            return text(404, NO_RECORDING);
        }
        if (!RecordingLinks.isToken(token)) {
            return text(404, UNKNOWN);
        }
        try {
            Optional<RecordingLinks.Holder> holder = links.find(token);
            if (holder.isEmpty()) {
                return text(404, UNKNOWN);
            }
            if (!clock.instant().isBefore(holder.get().validUntil())) {
                // The table's TTL deletes the item some time after this; until then it is refused here.
                return text(410, EXPIRED);
            }
            Optional<Incident> incident = incidents.find(holder.get().incidentId());
            if (incident.isEmpty()) {
                return text(404, UNKNOWN);
            }
            String key = incident.get().recording().copyKey();
            if (key == null) {
                return notNow(NOT_READY);
            }
            Log.info("link.played", "incidentId", holder.get().incidentId(), "personId", holder.get().personId());
            return new WebResponse(302, Map.of("Location", recordings.presignedGet(key).toString(), "Cache-Control", "no-store",
                    "Content-Type", "text/plain; charset=utf-8"), "");
        } catch (RuntimeException e) {
            // The token is a credential: never in the log.
            Log.error("link.failed", "error", e);
            return notNow(UNAVAILABLE);
        }
    }

    private static WebResponse notNow(String why) {
        return new WebResponse(503, Map.of("Content-Type", "text/plain; charset=utf-8", "Cache-Control", "no-store",
                "Retry-After", RETRY_AFTER_SECONDS), why);
    }

    private static WebResponse text(int status, String body) {
        return new WebResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8", "Cache-Control", "no-store"), body);
    }
}
