package sosrelay.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of {@code shared/} imports, directly or through others, a package that imports it back: features
 * stay movable and the layers of docs/ARCHITECTURE.md stay true. Read from the sources, as the map is.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/sosrelay");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?sosrelay\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void noPackageReachesItselfThroughItsImports() {
        Map<String, Set<String>> imports = imports();
        List<String> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            List<String> path = pathBack(start, start, imports, new TreeSet<>(), new ArrayList<>());
            if (path != null) {
                cycles.add(start + " -> " + String.join(" -> ", path));
            }
        }
        assertThat(imports).as("the sources were found").containsKeys("delivery", "dispatch", "incident", "wiring");
        assertThat(cycles).isEmpty();
    }

    @Test
    void theCheckSeesACycleWhenThereIsOne() {
        Map<String, Set<String>> knot = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"));

        assertThat(pathBack("a", "a", knot, new TreeSet<>(), new ArrayList<>())).containsExactly("b", "c", "a");
    }

    /** The packages from {@code from} back to {@code target}, or null when its imports never lead there. */
    private static List<String> pathBack(String target, String from, Map<String, Set<String>> imports, Set<String> seen,
                                         List<String> path) {
        for (String next : imports.getOrDefault(from, Set.of())) {
            path.add(next);
            if (next.equals(target)) {
                return path;
            }
            if (seen.add(next) && pathBack(target, next, imports, seen, path) != null) {
                return path;
            }
            path.remove(path.size() - 1);
        }
        return null;
    }

    private static Map<String, Set<String>> imports() {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                Set<String> used = imports.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = IMPORT.matcher(read(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        used.add(m.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return imports;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
