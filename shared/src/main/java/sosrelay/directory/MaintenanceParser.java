package sosrelay.directory;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads maintenance windows ({@code maintenance:} in the directory, {@code POST /v1/maintenance}),
 * adding every problem to the caller's list; and writes one back in the same shape.
 */
public final class MaintenanceParser {
    private static final List<String> KEYS = List.of("id", "alarms", "sources", "types", "from", "to", "reason");
    /** The longest window: a forgotten one must not silence its types for weeks. */
    public static final Duration LONGEST = Duration.ofHours(24);

    private final List<String> problems;
    private final Set<String> types;

    public MaintenanceParser(List<String> problems, Set<String> types) {
        this.problems = problems;
        this.types = types;
    }

    public List<MaintenanceWindow> parseAll(Object value) {
        return List.copyOf(ListSection.entries(problems, "maintenance", value, "{types, alarms, sources, from, to}", this::parse));
    }

    public MaintenanceWindow parse(String where, Object value) {
        Map<?, ?> window = ListSection.mapping(problems, where, value, "from, to and at least one of types, alarms, sources", KEYS);
        if (window == null) {
            return null;
        }
        int before = problems.size();
        List<String> windowTypes = names(where + ".types", window.get("types"));
        List<String> alarms = names(where + ".alarms", window.get("alarms"));
        List<String> sources = names(where + ".sources", window.get("sources"));
        for (String type : windowTypes) {
            if (!types.contains(type)) {
                problems.add(where + ".types: '" + type + "' is not one of the types " + types);
            }
        }
        if (windowTypes.isEmpty() && alarms.isEmpty() && sources.isEmpty()) {
            problems.add(where + ": name at least one of types, alarms, sources (a window for everything would silence every emergency)");
        }
        Instant from = instant(where + ".from", window.get("from"));
        Instant to = instant(where + ".to", window.get("to"));
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(where + ": from must be before to");
        } else if (from != null && to != null && Duration.between(from, to).compareTo(LONGEST) > 0) {
            problems.add(where + ": a window lasts at most 24 h (from " + from + " to " + to + " is "
                    + Duration.between(from, to).toHours() + " h); open another when it ends");
        }
        return problems.size() > before ? null
                : new MaintenanceWindow(text(window.get("id")), alarms, sources, windowTypes, from, to, text(window.get("reason")));
    }

    private List<String> names(String where, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add(where + ": must be a list");
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Object item : list) {
            String name = text(item);
            if (name == null) {
                problems.add(where + ": '" + item + "' is not a name");
            } else {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private Instant instant(String where, Object value) {
        String text = text(value);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            problems.add(where + ": '" + value + "' is not a time with its offset such as 2026-11-25T22:00:00+05:30");
            return null;
        }
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? null : s.trim();
        }
        return value instanceof Number ? String.valueOf(value) : null;
    }

    public static Map<String, Object> document(MaintenanceWindow w) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (w.id() != null) {
            doc.put("id", w.id());
        }
        doc.put("types", w.types());
        doc.put("alarms", w.alarms());
        doc.put("sources", w.sources());
        doc.put("from", w.from().toString());
        doc.put("to", w.to().toString());
        if (w.reason() != null) {
            doc.put("reason", w.reason());
        }
        return doc;
    }
}
