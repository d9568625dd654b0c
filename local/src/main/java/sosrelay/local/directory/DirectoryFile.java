package sosrelay.local.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import sosrelay.directory.DirectoryParser;
import sosrelay.directory.InvalidDirectoryException;

/** The recipient directory as a hospital admin writes it: a YAML file, checked before anything uses it. */
public final class DirectoryFile {
    private static final String DEMO = "demo-directory.yaml";

    private DirectoryFile() {
    }

    /** Reads and checks the file; {@link InvalidDirectoryException} lists every problem. */
    public static Map<String, Object> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidDirectoryException(List.of("there is no file " + file.toAbsolutePath()));
        } catch (IOException e) {
            throw new InvalidDirectoryException(List.of("cannot read " + file + ": " + e));
        }
    }

    /** The demo directory bundled with the local stack. */
    public static Map<String, Object> demo() {
        try (InputStream in = DirectoryFile.class.getClassLoader().getResourceAsStream(DEMO)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEMO);
        } catch (IOException e) {
            throw new IllegalStateException("the demo directory is missing from the jar", e);
        }
    }

    static Map<String, Object> parse(String yaml, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Object document;
        try (Reader reader = new StringReader(yaml)) {
            document = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (YAMLException | IOException e) {
            throw new InvalidDirectoryException(List.of(name + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new InvalidDirectoryException(List.of(name + " must be a mapping with defaultType, people and types"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> directory = (Map<String, Object>) map;
        DirectoryParser.parse(directory);
        return directory;
    }
}
