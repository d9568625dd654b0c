package sosrelay.heartbeat;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sosrelay.directory.Directory;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.HeartbeatWatch;
import sosrelay.directory.MaintenanceWindow;
import sosrelay.directory.TypeChoice;
import sosrelay.incident.ExotelTimes;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Recording;
import sosrelay.incident.Timeline;
import sosrelay.incident.Trigger;
import sosrelay.log.Log;
import sosrelay.raise.IncidentRaiser;

/**
 * Sources that must say they are alive ({@code heartbeats:} in the directory). A beat is recorded and closes the
 * source's silence incident, if one is open; the scheduled check raises an incident of the source's type for each
 * source silent longer than its interval ("panel-7 silent since 02:14"), once per silence: while it is open the
 * source's group rings nobody again, and the same silence always makes the same incident id. Only the keys the
 * directory lists for a source ({@code keys}) may beat for it.
 */
public final class Heartbeats {
    static final String SOURCE = "heartbeat";
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ExotelTimes.IST);

    /** What follows a resolve (standing down whoever was still being rung); see {@code Acknowledgements.resolved}. */
    @FunctionalInterface
    public interface AfterResolve {
        void resolved(String incidentId);
    }

    /** What became of a beat; {@code refusal} says why when it was not recorded. */
    public record Beat(int status, String refusal, String closedIncidentId) {
    }

    private final DirectoryStore directory;
    private final HeartbeatStore beats;
    private final IncidentRaiser raiser;
    private final IncidentStore incidents;
    private final IncidentProgress progress;
    private final AfterResolve afterResolve;
    private final Timeline timeline;
    private final Clock clock;

    public Heartbeats(DirectoryStore directory, HeartbeatStore beats, IncidentRaiser raiser, IncidentStore incidents,
                      IncidentProgress progress, AfterResolve afterResolve, Timeline timeline, Clock clock) {
        this.directory = directory;
        this.beats = beats;
        this.raiser = raiser;
        this.incidents = incidents;
        this.progress = progress;
        this.afterResolve = afterResolve;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** A beat from {@code source}, sent with the device key {@code keyId}. */
    public Beat beat(String source, String keyId) {
        Directory dir = directory.current();
        HeartbeatWatch watch = source == null ? null : dir.heartbeats().get(source);
        if (watch == null) {
            return new Beat(404, "no heartbeat source '" + shorten(source) + "' in the directory (heartbeats:)", null);
        }
        if (!watch.mayBeat(keyId)) {
            // Default deny: a leaked key must not keep a dead fire panel looking alive, nor stand its silence down.
            return new Beat(403, "this API key (" + keyId + ") may not beat for " + source
                    + "; the directory's heartbeats: lists the key ids that may (keys)", null);
        }
        Instant now = clock.instant();
        beats.beat(source, now);
        Optional<String> silence = incidents.closeGroup(group(source), "beating", source + " beat again at " + CLOCK_TIME.format(now));
        silence.filter(progress::resolve).ifPresent(id -> {
            timeline.record(id, "resolved", "by", "heartbeat", "source", source);
            afterResolve.resolved(id);
            Log.info("heartbeat.recovered", "source", source, "incidentId", id);
        });
        return new Beat(200, null, silence.orElse(null));
    }

    /** Raises an incident for each source silent past its interval; answers the ids of those raised now. */
    public List<String> check() {
        Directory dir = directory.current();
        Instant now = clock.instant();
        List<String> raised = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (HeartbeatWatch watch : dir.heartbeats().values()) {
            try {
                check(watch, now, dir).ifPresent(raised::add);
            } catch (RuntimeException e) {
                // One source's trouble must not leave the others unchecked; the invocation still fails, for the alarm.
                Log.error("heartbeat.check-failed", "source", watch.source(), "error", e);
                failed.add(watch.source());
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("could not check heartbeat sources " + failed + " (raised " + raised + ")");
        }
        return raised;
    }

    private Optional<String> check(HeartbeatWatch watch, Instant now, Directory dir) {
        Instant since = beats.silentSince(watch.source(), now);
        if (!now.isAfter(since.plus(watch.expectEvery()))) {
            return Optional.empty();
        }
        IncidentRaiser.Result result = raiser.raise(incident(watch, since, dir));
        Log.warn("heartbeat.silent", "source", watch.source(), "since", since.toString(), "incidentId", result.incidentId(),
                "outcome", result.raised());
        return result.raised().mustDispatch() ? Optional.of(result.incidentId()) : Optional.empty();
    }

    private Incident incident(HeartbeatWatch watch, Instant since, Directory dir) {
        String silent = watch.source() + " silent since " + CLOCK_TIME.format(since);
        Trigger trigger = new Trigger(SOURCE, watch.source(), "heartbeat " + watch.source(), clock.instant(), silent, null, null,
                watch.source());
        TypeChoice type = new TypeChoice(dir.types().get(watch.type()), null);
        Incident incident = Incident.of(IncidentIds.forSource(SOURCE, watch.source() + "@" + since.toEpochMilli()), trigger, type,
                Recording.NONE, dir, group(watch.source()));
        MaintenanceWindow window = dir.maintenanceFor(clock.instant(), watch.type(), null, watch.source());
        return window == null ? incident : incident.inMaintenance(window.describe());
    }

    private static String group(String source) {
        return SOURCE + ":" + source;
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
