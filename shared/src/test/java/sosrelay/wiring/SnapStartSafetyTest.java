package sosrelay.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What AWS's SnapStart scanner looks for, over every class a function runs (shared and the function
 * modules): SnapStart restores many instances from one snapshot, so a pseudo-random generator seeded
 * before the checkpoint, or a time or id taken then and kept in a static field, is the same in all of
 * them ("Handling uniqueness with Lambda SnapStart"). Randomness comes from SecureRandom (or
 * UUID.randomUUID, which uses it), drawn when needed; times from the Clock, read when needed.
 */
class SnapStartSafetyTest {
    private static final Pattern SNAPSHOTTED_RANDOM = Pattern.compile(
            "\\bThreadLocalRandom\\b|\\bSplittableRandom\\b|\\bnew Random\\(|\\bjava\\.util\\.Random\\b|\\bMath\\.random\\(");
    private static final Pattern STATIC_TIME_OR_ID = Pattern.compile(
            "\\bstatic\\b[^=;(]*=\\s*[^;]*(Instant\\.now\\(|System\\.currentTimeMillis\\(|System\\.nanoTime\\(|UUID\\.randomUUID\\("
                    + "|\\.instant\\(\\)|LocalDateTime\\.now\\()");

    @Test
    void nothingAFunctionRunsUsesAGeneratorSeededBeforeTheSnapshot() {
        assertThat(linesMatching(SNAPSHOTTED_RANDOM)).isEmpty();
    }

    @Test
    void noStaticFieldKeepsATimeOrAnIdFromBeforeTheSnapshot() {
        assertThat(linesMatching(STATIC_TIME_OR_ID)).isEmpty();
    }

    @Test
    void theScanSeesTheFunctionsSourcesAndWouldSeeAnOffender() {
        assertThat(sources()).anyMatch(f -> f.endsWith(Path.of("sosrelay", "incident", "Timeline.java")))
                .anyMatch(f -> f.endsWith(Path.of("sosrelay", "passthru", "ExotelPassthruHandler.java")));
        assertThat(SNAPSHOTTED_RANDOM.matcher("int tie = ThreadLocalRandom.current().nextInt(1 << 16);").find()).isTrue();
        assertThat(STATIC_TIME_OR_ID.matcher("private static final Instant STARTED = Instant.now();").find()).isTrue();
        assertThat(STATIC_TIME_OR_ID.matcher("private static final String ID = UUID.randomUUID().toString();").find()).isTrue();
    }

    private static List<String> linesMatching(Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).strip();
                boolean comment = code.startsWith("*") || code.startsWith("//") || code.startsWith("/*");
                if (!comment && pattern.matcher(code).find()) {
                    found.add(file.getFileName() + ":" + (i + 1) + ": " + code);
                }
            }
        }
        return found;
    }

    /** shared/src/main/java and functions/<name>/src/main/java, from the repository root above this module. */
    private static List<Path> sources() {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> roots = new ArrayList<>(List.of(root.resolve("shared/src/main/java")));
        try (Stream<Path> functions = Files.list(root.resolve("functions"))) {
            functions.map(f -> f.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> files = new ArrayList<>();
        for (Path dir : roots) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
