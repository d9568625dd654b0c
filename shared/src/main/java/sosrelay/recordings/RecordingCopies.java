package sosrelay.recordings;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.RecordingPolicy;
import sosrelay.incident.Timeline;
import sosrelay.log.Log;
import sosrelay.timers.TimerJob;
import sosrelay.timers.Timers;

/**
 * Copies an incident's recording from Exotel into our bucket, so the greeting can play it to people who
 * have no Exotel credentials. The first try is when Exotel said it would be ready ({@code RecordingAvailableBy};
 * without one, five minutes after the incident); Exotel documents up to 15 minutes at peak, so a recording
 * not there yet (404, 403) or an Exotel that did not answer is tried again at {@link #TRIES}' offsets from that
 * time, then given up (the greeting keeps speaking the summary).
 */
public final class RecordingCopies {
    public static final Duration TYPICAL_DELAY = Duration.ofMinutes(5);
    /** When each try runs, from the due time: then, backing off to the 15 minutes Exotel may take at peak. */
    static final List<Duration> TRIES = List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(15));

    private final IncidentStore incidents;
    private final Timers timers;
    private final Timeline timeline;
    private final RecordingPolicy policy;
    private final ExotelRecordingFetch exotel;
    private final RecordingsBucket bucket;

    public RecordingCopies(IncidentStore incidents, Timers timers, Timeline timeline, RecordingPolicy policy,
                           ExotelRecordingFetch exotel, RecordingsBucket bucket) {
        this.incidents = incidents;
        this.timers = timers;
        this.timeline = timeline;
        this.policy = policy;
        this.exotel = exotel;
        this.bucket = bucket;
    }

    /**
     * The first try for an incident that has a recording and no copy yet, at its due time; {@code createdAt}
     * stands in for a missing one. Static: the functions that raise incidents schedule it without Exotel's credentials.
     */
    public static Optional<TimerJob> firstTry(Incident incident, Instant createdAt) {
        if (incident.recording().url() == null || incident.recording().copyKey() != null) {
            return Optional.empty();
        }
        Instant due = Optional.ofNullable(incident.recording().availableAt()).orElse(createdAt.plus(TYPICAL_DELAY));
        return Optional.of(TimerJob.recordingFetch(due, incident.id(), 1));
    }

    public void fire(TimerJob job) {
        Optional<Incident> found = incidents.find(job.incidentId());
        if (found.isEmpty() || found.get().recording().copyKey() != null) {
            return;
        }
        // Checked again before the account's credentials go with it: the allow-list may have narrowed since.
        String url = policy.check(found.get().recording().url()).url();
        if (url == null) {
            Log.warn("recording.refused", "incidentId", job.incidentId());
            return;
        }
        String why;
        try {
            ExotelRecordingFetch.Answer answer = exotel.fetch(url);
            if (answer.ok()) {
                String key = keep(job.incidentId(), answer);
                incidents.recordCopy(job.incidentId(), key);
                timeline.record(job.incidentId(), "recording.copied", "attempt", job.attempt(), "bytes", answer.body().length,
                        "plays", key.endsWith(".wav") ? "wav" : "original");
                Log.info("recording.copied", "incidentId", job.incidentId(), "attempt", job.attempt(), "key", key);
                return;
            }
            if (answer.tooLarge() || (answer.status() >= 300 && answer.status() < 400)) {
                giveUp(job, answer.tooLarge() ? "larger than the size cap" : "Exotel answered a redirect (" + answer.status() + "), never followed");
                return;
            }
            why = "Exotel answered " + answer.status() + (answer.status() == 401 ? " (the account's key or token refused)" : "");
        } catch (IOException e) {
            why = "no answer from Exotel: " + e.getMessage();
        }
        retryOrGiveUp(job, why);
    }

    /** The original, always; for an MP3 also its 8 kHz WAV, which is then what plays. The key of what plays. */
    private String keep(String incidentId, ExotelRecordingFetch.Answer answer) {
        String original = bucket.putOriginal(incidentId, answer.body(), answer.contentType());
        if (!RecordingsBucket.isMp3(answer.contentType())) {
            return original;
        }
        Optional<byte[]> wav = WavCopy.fromMp3(answer.body());
        if (wav.isEmpty()) {
            Log.warn("recording.not-decoded", "incidentId", incidentId, "why", "no MP3 frames JLayer could decode: the original plays");
            return original;
        }
        return bucket.putWav(incidentId, wav.get());
    }

    private void retryOrGiveUp(TimerJob job, String why) {
        if (job.attempt() >= TRIES.size()) {
            giveUp(job, why);
            return;
        }
        // Attempt n ran at due + TRIES[n-1]: the next one is at due + TRIES[n].
        Instant next = job.dueAt().plus(TRIES.get(job.attempt()).minus(TRIES.get(job.attempt() - 1)));
        Log.info("recording.not-yet", "incidentId", job.incidentId(), "attempt", job.attempt(), "why", why, "nextAt", next.toString());
        timers.schedule(TimerJob.recordingFetch(next, job.incidentId(), job.attempt() + 1));
    }

    private void giveUp(TimerJob job, String why) {
        Log.warn("recording.gave-up", "incidentId", job.incidentId(), "attempt", job.attempt(), "why", why);
        timeline.record(job.incidentId(), "recording.gave-up", "attempt", job.attempt(), "why", why);
    }
}
