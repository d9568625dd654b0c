package sosrelay.directory;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one roster of the directory ({@code rosters.<id>}), adding every problem it finds to the
 * caller's list, and writes a roster back in the same shape (the incident keeps its rosters that way).
 */
public final class RosterParser {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Kolkata");
    private static final List<String> ROSTER_KEYS = List.of("timeZone", "rotations", "overrides");
    private static final List<String> ROTATION_KEYS = List.of("people", "shift", "start", "days", "hours");
    private static final List<String> OVERRIDE_KEYS = List.of("id", "person", "from", "to", "reason");
    private static final Pattern HOURS = Pattern.compile("(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");
    private static final Duration SHORTEST_SHIFT = Duration.ofMinutes(1);

    private final List<String> problems;
    private final Predicate<String> isPerson;

    /** {@code isPerson}: whether an id names a person of the directory. */
    public RosterParser(List<String> problems, Predicate<String> isPerson) {
        this.problems = problems;
        this.isPerson = isPerson;
    }

    public Roster parse(String id, Object value) {
        String where = "rosters." + id;
        if (!(value instanceof Map<?, ?> roster)) {
            problems.add(where + ": must be a mapping with timeZone and rotations");
            return null;
        }
        unknownKeys(where, roster, ROSTER_KEYS);
        ZoneId zone = zone(where, roster.get("timeZone"));
        List<Rotation> rotations = new ArrayList<>();
        if (!(roster.get("rotations") instanceof List<?> list) || list.isEmpty()) {
            problems.add(where + ": rotations must list at least one rotation");
        } else {
            for (int i = 0; i < list.size(); i++) {
                Rotation rotation = rotation(where + ".rotations[" + i + "]", list.get(i), zone);
                if (rotation != null) {
                    rotations.add(rotation);
                }
            }
        }
        List<RosterOverride> overrides = overrides(where, roster.get("overrides"), zone);
        return new Roster(id, zone, List.copyOf(rotations), overrides);
    }

    /** One override as the API takes it: the same checks as in the file, and none may overlap the roster's others. */
    public RosterOverride override(Roster roster, Object value, String newId) {
        RosterOverride override = override("override", value, roster.timeZone());
        if (override == null) {
            return null;
        }
        RosterOverride withId = new RosterOverride(newId, override.person(), override.from(), override.to(), override.reason());
        for (RosterOverride other : roster.overrides()) {
            if (other.overlaps(withId)) {
                problems.add("override: overlaps " + describe(other) + " (remove that one first)");
            }
        }
        return withId;
    }

    /** An override as stored after the API added it (id included). */
    public RosterOverride stored(Object value, ZoneId zone) {
        return override("override", value, zone);
    }

    private ZoneId zone(String where, Object value) {
        if (value == null) {
            return DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(String.valueOf(value).trim());
        } catch (DateTimeException e) {
            problems.add(where + ".timeZone: '" + value + "' is not a time zone such as Asia/Kolkata");
            return DEFAULT_ZONE;
        }
    }

    private Rotation rotation(String where, Object value, ZoneId zone) {
        if (!(value instanceof Map<?, ?> rotation)) {
            problems.add(where + ": must be a mapping with people, shift and start");
            return null;
        }
        unknownKeys(where, rotation, ROTATION_KEYS);
        List<String> people = new ArrayList<>();
        if (!(rotation.get("people") instanceof List<?> list) || list.isEmpty()) {
            problems.add(where + ": people must list at least one person id");
        } else {
            for (Object item : list) {
                String person = text(item);
                if (person == null || !isPerson.test(person)) {
                    problems.add(where + ": unknown person id '" + item + "'");
                } else {
                    people.add(person);
                }
            }
        }
        Duration shift = Durations.parse(text(rotation.get("shift")));
        if (shift == null || shift.compareTo(SHORTEST_SHIFT) < 0) {
            problems.add(where + ".shift: '" + rotation.get("shift") + "' is not a shift length such as 8h, 12h, 1d or 1w");
        }
        LocalDateTime start = rotation.get("start") == null ? null : localTime(where + ".start", rotation.get("start"), zone);
        if (rotation.get("start") == null) {
            problems.add(where + ": start is missing (when the first person's first shift begins)");
        }
        Set<DayOfWeek> days = days(where + ".days", rotation.get("days"));
        DailyHours hours = hours(where + ".hours", rotation.get("hours"));
        return people.isEmpty() || shift == null || start == null ? null : new Rotation(List.copyOf(people), shift, start, days, hours);
    }

    private List<RosterOverride> overrides(String where, Object value, ZoneId zone) {
        List<RosterOverride> overrides = new ArrayList<>();
        if (value == null) {
            return overrides;
        }
        if (!(value instanceof List<?> list)) {
            problems.add(where + ".overrides: must be a list of {person, from, to}");
            return overrides;
        }
        for (int i = 0; i < list.size(); i++) {
            RosterOverride override = override(where + ".overrides[" + i + "]", list.get(i), zone);
            if (override == null) {
                continue;
            }
            for (RosterOverride other : overrides) {
                if (other.overlaps(override)) {
                    problems.add(where + ".overrides[" + i + "]: overlaps " + describe(other));
                }
            }
            overrides.add(override);
        }
        return List.copyOf(overrides);
    }

    private RosterOverride override(String where, Object value, ZoneId zone) {
        if (!(value instanceof Map<?, ?> override)) {
            problems.add(where + ": must be a mapping with person, from and to");
            return null;
        }
        unknownKeys(where, override, OVERRIDE_KEYS);
        String person = text(override.get("person"));
        if (person == null || !isPerson.test(person)) {
            problems.add(where + ": unknown person id '" + override.get("person") + "'");
        }
        Instant from = instant(where + ".from", override.get("from"), zone);
        Instant to = instant(where + ".to", override.get("to"), zone);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(where + ": from must be before to");
            return null;
        }
        return person == null || !isPerson.test(person) || from == null || to == null
                ? null
                : new RosterOverride(text(override.get("id")), person, from, to, text(override.get("reason")));
    }

    private Set<DayOfWeek> days(String where, Object value) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (value == null) {
            return days;
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(where + ": must be a list of days such as [Mon, Tue, Wed]");
            return days;
        }
        for (Object item : list) {
            DayOfWeek day = day(text(item));
            if (day == null) {
                problems.add(where + ": '" + item + "' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
            } else {
                days.add(day);
            }
        }
        return days;
    }

    private static DayOfWeek day(String text) {
        if (text == null) {
            return null;
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(text)
                    || day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equalsIgnoreCase(text)) {
                return day;
            }
        }
        return null;
    }

    private DailyHours hours(String where, Object value) {
        if (value == null) {
            return null;
        }
        Matcher m = HOURS.matcher(String.valueOf(value).trim());
        try {
            if (m.matches()) {
                LocalTime from = LocalTime.parse(m.group(1));
                LocalTime to = LocalTime.parse(m.group(2));
                if (!from.equals(to)) {
                    return new DailyHours(from, to);
                }
            }
        } catch (DateTimeParseException notATime) {
            // reported below
        }
        problems.add(where + ": '" + value + "' is not a span of hours such as 08:00-20:00 or 20:00-08:00 (leave it out for all day)");
        return null;
    }

    /** A point in time: with an offset, or on the roster's wall clock without one. */
    private Instant instant(String where, Object value, ZoneId zone) {
        LocalDateTime local = localTime(where, value, zone);
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private LocalDateTime localTime(String where, Object value, ZoneId zone) {
        String text = text(value);
        if (text != null) {
            try {
                return LocalDateTime.ofInstant(OffsetDateTime.parse(text).toInstant(), zone);
            } catch (DateTimeParseException noOffset) {
                try {
                    return LocalDateTime.parse(text);
                } catch (DateTimeParseException notATime) {
                    // reported below
                }
            }
        }
        problems.add(where + ": '" + value + "' is not a time such as 2026-11-01T08:00:00+05:30");
        return null;
    }

    private void unknownKeys(String where, Map<?, ?> map, List<String> known) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(where + ": unknown key '" + key + "' (expected one of " + known + ")");
            }
        }
    }

    private static String describe(RosterOverride o) {
        return (o.id() == null ? "" : o.id() + " ") + "(" + o.person() + " " + o.from() + " to " + o.to() + ")";
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? null : s.trim();
        }
        return value instanceof Number || value instanceof Boolean ? String.valueOf(value) : null;
    }

    /** The roster in the directory's own shape, times with their offsets: {@link #parse} reads it back as the same roster. */
    public static Map<String, Object> document(Roster roster) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("timeZone", roster.timeZone().getId());
        doc.put("rotations", roster.rotations().stream().map(r -> {
            Map<String, Object> rotation = new LinkedHashMap<>();
            rotation.put("people", r.people());
            rotation.put("shift", Durations.format(r.shift()));
            rotation.put("start", r.start().toString());
            if (!r.days().isEmpty()) {
                rotation.put("days", r.days().stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).toList());
            }
            if (r.hours() != null) {
                rotation.put("hours", r.hours().toString());
            }
            return rotation;
        }).toList());
        doc.put("overrides", roster.overrides().stream().map(RosterParser::overrideDocument).toList());
        return doc;
    }

    public static Map<String, Object> overrideDocument(RosterOverride o) {
        Map<String, Object> override = new LinkedHashMap<>();
        if (o.id() != null) {
            override.put("id", o.id());
        }
        override.put("person", o.person());
        override.put("from", o.from().toString());
        override.put("to", o.to().toString());
        if (o.reason() != null) {
            override.put("reason", o.reason());
        }
        return override;
    }
}
