package sosrelay.directoryimport;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import sosrelay.config.Env;
import sosrelay.directory.Directory;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.InvalidDirectoryException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code java -jar import-directory.jar --file contacts.yaml --table <DirectoryTableName> [--incidents-table T] [--region R]
 * [--profile P]}: checks the file, then makes it the deployed stack's current directory with the operator's own AWS
 * credentials, and says which table, region and account it wrote to. An invalid file changes
 * nothing and lists every problem; it is checked before any AWS call. With {@code --incidents-table} it then opts
 * everyone with WhatsApp in with GupShup ({@link WhatsAppOptInAtImport}, settings from the environment); a person
 * GupShup refuses is listed and the import stands.
 */
public final class ImportDirectoryCommand {
    private ImportDirectoryCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** {@link #run(String[], Env, PrintStream, PrintStream)} with the process environment. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, Env.system(), out, err);
    }

    /**
     * 0 imported (whatever became of the WhatsApp opt-ins), 1 refused or failed (the message says why), 2 a usage error.
     * {@code env}: where the GupShup settings are read (the process environment; the AWS SDK reads its own).
     */
    public static int run(String[] args, Env env, PrintStream out, PrintStream err) {
        ImportOptions options;
        try {
            options = ImportOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(ImportOptions.USAGE);
            return 2;
        }
        Map<String, Object> document;
        try {
            document = DirectoryFile.read(options.file());
        } catch (InvalidDirectoryException e) {
            err.println(e.getMessage());
            return 1;
        }
        try (AwsSession aws = AwsSession.open(options)) {
            AwsSession.Identity identity = aws.identity();
            String where = "table " + options.table() + " in region " + aws.region() + ", " + identity.describe();
            try {
                Directory directory = new DirectoryStore(aws.dynamoDb(), options.table(), Clock.systemUTC(), Duration.ZERO).replace(document);
                out.printf("Imported %d people and %d emergency types (default %s) into %s.%n",
                        directory.people().size(), directory.types().size(), directory.defaultType(), where);
                identity.unknownBecause().ifPresent(why -> out.println("(sts:GetCallerIdentity failed: " + why + ")"));
                optInWhatsApp(options, env, aws, directory, out, err);
                return 0;
            } catch (ResourceNotFoundException e) {
                err.println("There is no " + where + ". Check --table (the stack's DirectoryTableName output), --region and --profile.");
                return 1;
            } catch (SdkException e) {
                err.println("Could not write " + where + ": " + e.getMessage());
                return 1;
            }
        } catch (SdkException e) {
            // No region or no credentials: the SDK's message says where it looked and what to set (or to run aws sso login).
            err.println("Could not start an AWS session: " + e.getMessage());
            return 1;
        }
    }

    /** The directory is in: an opt-in that cannot start (GupShup settings missing) is reported, and the import stands. */
    private static void optInWhatsApp(ImportOptions options, Env env, AwsSession aws, Directory directory, PrintStream out,
                                      PrintStream err) {
        int people = WhatsAppOptInAtImport.withWhatsApp(directory).size();
        if (people == 0) {
            return;
        }
        if (options.incidentsTable().isEmpty()) {
            out.printf("WhatsApp: %d people not opted in with GupShup here (pass --incidents-table <IncidentsTableName> with the"
                    + " GUPSHUP_* variables); the WhatsApp function opts each in before their first message.%n", people);
            return;
        }
        try {
            WhatsAppOptInAtImport.of(env, aws.dynamoDb(), options.incidentsTable().get(), aws::ssm).optInEveryone(directory, out, err);
        } catch (IllegalStateException | SdkException e) {
            err.println("WhatsApp opt-in did not run (the directory is imported): " + e.getMessage());
        }
    }
}
