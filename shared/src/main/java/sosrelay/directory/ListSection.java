package sosrelay.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The directory's list sections ({@code devices:}, {@code heartbeats:}, {@code maintenance:}): a list of mappings,
 * each problem named by its place ({@code heartbeats[2]: ...}) and added to the caller's list, so a file with
 * several mistakes is refused once with all of them.
 */
final class ListSection {
    private ListSection() {
    }

    /**
     * The entries {@code parser} made of {@code value}, in order (it answers null for an entry with problems);
     * {@code listShape} says what the section holds, e.g. {@code {source, expectEvery, type}}.
     */
    static <T> List<T> entries(List<String> problems, String section, Object value, String listShape,
                               BiFunction<String, Object, T> parser) {
        List<T> parsed = new ArrayList<>();
        if (value == null) {
            return parsed;
        }
        if (!(value instanceof List<?> list)) {
            problems.add(section + " must be a list of " + listShape);
            return parsed;
        }
        for (int i = 0; i < list.size(); i++) {
            T entry = parser.apply(section + "[" + i + "]", list.get(i));
            if (entry != null) {
                parsed.add(entry);
            }
        }
        return parsed;
    }

    /** As {@link #entries}, keyed by {@code id}; an id listed twice is a problem ({@code "<where>: <idLabel> <id> is listed twice"}). */
    static <T> Map<String, T> unique(List<String> problems, String section, Object value, String listShape,
                                     BiFunction<String, Object, T> parser, Function<T, String> id, String idLabel) {
        Map<String, T> byId = new LinkedHashMap<>();
        entries(problems, section, value, listShape, (where, raw) -> {
            T entry = parser.apply(where, raw);
            if (entry != null && byId.putIfAbsent(id.apply(entry), entry) != null) {
                problems.add(where + ": " + idLabel + " " + id.apply(entry) + " is listed twice");
            }
            return entry;
        });
        return Map.copyOf(byId);
    }

    /** The entry as a mapping, its unknown keys reported; null (with the problem) when it is not one. */
    static Map<?, ?> mapping(List<String> problems, String where, Object value, String entryShape, List<String> keys) {
        if (!(value instanceof Map<?, ?> entry)) {
            problems.add(where + ": must be a mapping with " + entryShape);
            return null;
        }
        for (Object key : entry.keySet()) {
            if (!keys.contains(String.valueOf(key))) {
                problems.add(where + ": unknown key '" + key + "' (expected one of " + keys + ")");
            }
        }
        return entry;
    }
}
