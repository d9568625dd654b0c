package sosrelay.local.directory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import sosrelay.config.Env;
import sosrelay.directory.Directory;
import sosrelay.directory.InvalidDirectoryException;
import sosrelay.wiring.Wiring;

/**
 * {@code java -jar sos-local.jar import-directory --file contacts.yaml --table <DirectoryTableName> [--region ap-south-1]}:
 * checks the file and makes it the deployed stack's current directory, with the caller's usual AWS
 * credentials. An invalid file changes nothing and lists every problem.
 */
public final class ImportDirectoryCommand {
    private ImportDirectoryCommand() {
    }

    public static int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--file") || !options.containsKey("--table")) {
            System.err.println("usage: import-directory --file contacts.yaml --table <DirectoryTableName> [--region ap-south-1]");
            return 2;
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DIRECTORY_TABLE", options.get("--table"));
        if (options.containsKey("--region")) {
            env.put("AWS_REGION", options.get("--region"));
        }
        try {
            Map<String, Object> document = DirectoryFile.read(Path.of(options.get("--file")));
            Directory directory = new Wiring(Env.of(env)).directory().replace(document);
            System.out.printf("imported %d people and %d emergency types (default %s) into %s%n",
                    directory.people().size(), directory.types().size(), directory.defaultType(), options.get("--table"));
            return 0;
        } catch (InvalidDirectoryException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
