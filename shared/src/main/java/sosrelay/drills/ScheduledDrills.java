package sosrelay.drills;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import sosrelay.directory.Directory;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.ScheduledDrill;
import sosrelay.incident.IncidentIds;
import sosrelay.incident.IncidentList;
import sosrelay.log.Log;
import sosrelay.raise.IncidentRaiser;

/**
 * The directory's {@code drills:}, run by a once-a-minute schedule: each drill whose cron names one of the last
 * few minutes starts, once. Its id is made of the type and that minute, so the raise chain's conditional create
 * makes every later look at the same minute a no-op: a late or repeated tick neither misses nor doubles a drill.
 * A drill whose type has a real incident not resolved yet is skipped (see {@link DrillApi}).
 */
public final class ScheduledDrills {
    /** A tick arrives about a minute after the one before, not on the minute: look back far enough to never miss one. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(2);

    private final DirectoryStore directory;
    private final IncidentRaiser raiser;
    private final IncidentList list;
    private final Clock clock;

    public ScheduledDrills(DirectoryStore directory, IncidentRaiser raiser, IncidentList list, Clock clock) {
        this.directory = directory;
        this.raiser = raiser;
        this.list = list;
        this.clock = clock;
    }

    /** The ids of the drills this run started. */
    public List<String> run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Directory current = directory.current();
        List<String> started = new ArrayList<>();
        for (ScheduledDrill drill : current.drills()) {
            for (Instant minute = now.minus(LOOK_BACK); !minute.isAfter(now); minute = minute.plus(Duration.ofMinutes(1))) {
                if (!drill.schedule().matches(minute.atZone(drill.timeZone()))) {
                    continue;
                }
                if (list.unresolvedOfTypeSince(drill.type(), now.minus(DrillApi.REAL_INCIDENT_LOOK_BACK))) {
                    // Not beside a real one of its type: the same people are busy with it. This minute's drill is skipped.
                    Log.warn("drill.skipped-real-incident", "type", drill.type(), "minute", minute.toString());
                    continue;
                }
                String id = IncidentIds.forSource("drill-schedule", drill.type() + "@" + minute);
                IncidentRaiser.Result result = raiser.raise(Drill.of(id, current.types().get(drill.type()), current,
                        "the directory's drill schedule", "schedule", minute));
                if (result.raised().mustDispatch()) {
                    Log.info("drill.scheduled-start", "drillId", id, "type", drill.type(), "schedule", drill.schedule().expression());
                    started.add(id);
                }
            }
        }
        return started;
    }
}
