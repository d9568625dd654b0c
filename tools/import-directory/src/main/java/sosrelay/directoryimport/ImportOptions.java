package sosrelay.directoryimport;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --file contacts.yaml --table <DirectoryTableName> [--incidents-table <IncidentsTableName>] [--region REGION]
 * [--profile PROFILE] [--endpoint-url URL]}. With {@code --incidents-table}, everyone with WhatsApp is opted in with
 * GupShup and recorded there ({@link WhatsAppOptInAtImport}).
 * Without {@code --region} and {@code --profile} the SDK's default chains decide, as for the AWS CLI
 * ({@code AWS_REGION}, {@code AWS_PROFILE}, the profile's {@code region}); {@code --endpoint-url} points
 * DynamoDB and STS elsewhere (LocalStack, DynamoDB Local), as the CLI's option of that name does.
 */
public record ImportOptions(Path file, String table, Optional<String> region, Optional<String> profile, Optional<URI> endpoint,
                            Optional<String> incidentsTable) {
    public static final String USAGE = "usage: java -jar import-directory.jar --file contacts.yaml --table <DirectoryTableName>"
            + " [--incidents-table <IncidentsTableName>] [--region REGION] [--profile PROFILE] [--endpoint-url URL]"
            + " (with --incidents-table, GUPSHUP_USER_ID and GUPSHUP_PASSWORD_PARAMETER opt everyone with WhatsApp in)";

    /** Throws {@link IllegalArgumentException} naming what is wrong. */
    public static ImportOptions parse(String[] args) {
        Path file = null;
        String table = null;
        Optional<String> region = Optional.empty();
        Optional<String> profile = Optional.empty();
        Optional<URI> endpoint = Optional.empty();
        Optional<String> incidentsTable = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length || args[i + 1].isBlank()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--file" -> file = Path.of(value);
                case "--table" -> table = value;
                case "--region" -> region = Optional.of(value);
                case "--profile" -> profile = Optional.of(value);
                case "--endpoint-url" -> endpoint = Optional.of(URI.create(value));
                case "--incidents-table" -> incidentsTable = Optional.of(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (file == null || table == null) {
            throw new IllegalArgumentException("--file and --table are required (the table is the stack's DirectoryTableName output)");
        }
        return new ImportOptions(file, table, region, profile, endpoint, incidentsTable);
    }
}
