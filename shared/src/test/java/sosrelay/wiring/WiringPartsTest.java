package sosrelay.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The composition root stays small: no file of the wiring package grows past 200 lines, so a new feature's wiring
 * goes into its family's part (or a new part) instead of one class that builds everything.
 */
class WiringPartsTest {
    private static final Path WIRING = Path.of("src/main/java/sosrelay/wiring");
    private static final int MAX_LINES = 200;

    @Test
    void everyPartOfTheCompositionRootIsAtMost200Lines() throws IOException {
        Map<String, Long> lines = new TreeMap<>();
        try (Stream<Path> files = Files.list(WIRING)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                try (Stream<String> fileLines = Files.lines(file)) {
                    lines.put(file.getFileName().toString(), fileLines.count());
                }
            }
        }

        assertThat(lines).as("the sources were found").containsKeys("Wiring.java", "Foundation.java", "Workers.java");
        assertThat(lines).allSatisfy((file, count) -> assertThat(count).as(file).isLessThanOrEqualTo(MAX_LINES));
    }
}
