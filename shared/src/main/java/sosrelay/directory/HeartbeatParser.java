package sosrelay.directory;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code heartbeats:} ({@code [{source, expectEvery, type, keys}]}), adding every problem to the caller's list. */
final class HeartbeatParser {
    private static final List<String> KEYS = List.of("source", "expectEvery", "type", "keys");
    /** It is a path segment of {@code /v1/heartbeats/{source}}: plain characters only. */
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Shorter intervals would page people over a single lost request. */
    private static final Duration SHORTEST = Duration.ofSeconds(5);

    private final List<String> problems;
    private final Set<String> types;

    HeartbeatParser(List<String> problems, Set<String> types) {
        this.problems = problems;
        this.types = types;
    }

    Map<String, HeartbeatWatch> parseAll(Object value) {
        return ListSection.unique(problems, "heartbeats", value, "{source, expectEvery, type, keys}", this::parse, HeartbeatWatch::source,
                "source");
    }

    private HeartbeatWatch parse(String where, Object value) {
        Map<?, ?> entry = ListSection.mapping(problems, where, value, "source, expectEvery, type and keys", KEYS);
        if (entry == null) {
            return null;
        }
        int before = problems.size();
        String source = String.valueOf(entry.get("source"));
        if (!SOURCE.matcher(source).matches()) {
            problems.add(where + ": source '" + source + "' must be letters, digits, '.', '_' or '-' (up to 64), such as panel-7");
        }
        Duration every = Durations.parse(entry.get("expectEvery") == null ? null : String.valueOf(entry.get("expectEvery")));
        if (every == null || every.compareTo(SHORTEST) < 0) {
            problems.add(where + ": expectEvery '" + entry.get("expectEvery") + "' must be a duration of at least 5s, such as 5m");
        }
        String type = String.valueOf(entry.get("type"));
        if (!types.contains(type)) {
            problems.add(where + ": type '" + type + "' is not one of the types " + types);
        }
        Set<String> keys = keys(where, entry.get("keys"));
        return problems.size() == before ? new HeartbeatWatch(source, every, type, keys) : null;
    }

    /** The key ids that may beat for the source; none listed, none may (a beat is then refused, the silence still raised). */
    private Set<String> keys(String where, Object value) {
        Set<String> keys = new LinkedHashSet<>();
        if (value == null) {
            return keys;
        }
        if (!(value instanceof List<?> listed)) {
            problems.add(where + ": keys must be a list of the key ids that may beat for the source, such as [" + ApiKeyIds.EXAMPLE + "]");
            return keys;
        }
        for (Object key : listed) {
            String keyId = String.valueOf(key);
            if (ApiKeyIds.valid(keyId)) {
                keys.add(keyId);
            } else {
                problems.add(where + ".keys: '" + keyId + "' is not a key id such as " + ApiKeyIds.EXAMPLE + " (never the key itself)");
            }
        }
        return keys;
    }
}
