package sosrelay.directory;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code drills:} ({@code [{type, schedule, timeZone}]}), adding every problem to the caller's list. */
final class DrillScheduleParser {
    private static final List<String> KEYS = List.of("type", "schedule", "timeZone");

    private final List<String> problems;
    private final Set<String> types;

    DrillScheduleParser(List<String> problems, Set<String> types) {
        this.problems = problems;
        this.types = types;
    }

    List<ScheduledDrill> parseAll(Object value) {
        return ListSection.entries(problems, "drills", value, "{type, schedule, timeZone}", this::parse);
    }

    private ScheduledDrill parse(String where, Object value) {
        Map<?, ?> entry = ListSection.mapping(problems, where, value, "type, schedule and optionally timeZone", KEYS);
        if (entry == null) {
            return null;
        }
        int before = problems.size();
        String type = String.valueOf(entry.get("type"));
        if (!types.contains(type)) {
            problems.add(where + ": type '" + type + "' is not one of the types " + types);
        }
        CronSchedule schedule = null;
        try {
            schedule = CronSchedule.parse(entry.get("schedule") == null ? null : String.valueOf(entry.get("schedule")));
        } catch (IllegalArgumentException bad) {
            problems.add(where + ": schedule '" + entry.get("schedule") + "' " + bad.getMessage());
        }
        ZoneId zone = ZoneOffset.UTC;
        if (entry.get("timeZone") != null) {
            try {
                zone = ZoneId.of(String.valueOf(entry.get("timeZone")));
            } catch (DateTimeException bad) {
                problems.add(where + ": timeZone '" + entry.get("timeZone") + "' is not a time zone such as Asia/Kolkata");
            }
        }
        return problems.size() == before ? new ScheduledDrill(type, schedule, zone) : null;
    }
}
