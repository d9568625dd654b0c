package sosrelay.directoryimport;

import java.io.IOException;
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

    /** Checks YAML text; {@code name} says where it came from in the messages. */
    public static Map<String, Object> parse(String yaml, String name) {
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
