package sosrelay.directoryimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosrelay.directory.DirectoryStore;
import sosrelay.local.backends.LocalTemplate;

/**
 * The shaded jar as an operator runs it, in its own JVM with only the environment given here: the
 * region from the profile, the credentials from the default chain, and SSO and assume-role profiles
 * resolved by the SDK modules in the jar (not refused for a missing module). DynamoDB Local, from
 * template.yaml's DirectoryTable, plays the deployed table; it has no STS, so the account is reported
 * as unknown there (the LocalStack profile runs the same import against a real STS API).
 */
class ImportDirectoryIT {
    private static final String MISSING_MODULE = "must be on the class path";
    private static LocalTemplate aws;
    private static String table;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        aws = LocalTemplate.start();
        table = aws.tableName("DirectoryTable");
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void importsWithTheProfilesRegionAndSaysWhereItWrote() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "[profile hospital]\nregion = ap-south-1\n");
        Run run = importDirectory(Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_PROFILE", "hospital",
                        "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"),
                "--file", directoryFile().toString(), "--table", table, "--endpoint-url", aws.backends().dynamoEndpoint().toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Imported 1 people and 1 emergency types (default Heart)", "table " + table,
                "region ap-south-1", "an account STS could not name");
        assertThat(new DirectoryStore(aws.backends().dynamoDb(), table, Clock.systemUTC(), Duration.ZERO).current().people())
                .containsKey("dr-one");
    }

    @Test
    void anSsoProfileIsResolvedBySsoAndAsksForALoginInsteadOfAMissingModule() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), """
                [profile hospital-sso]
                region = ap-south-1
                sso_session = hospital
                sso_account_id = 111122223333
                sso_role_name = DirectoryAdmin
                [sso-session hospital]
                sso_start_url = https://hospital.awsapps.com/start
                sso_region = ap-south-1
                """);
        Run run = importDirectory(Map.of("AWS_CONFIG_FILE", config.toString(), "HOME", dir.toString()),
                "--profile", "hospital-sso", "--file", directoryFile().toString(), "--table", table,
                "--endpoint-url", aws.backends().dynamoEndpoint().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).doesNotContain(MISSING_MODULE).contains("aws sso login");
    }

    @Test
    void anAssumeRoleProfileIsResolvedThroughStsInsteadOfRefusedForAMissingModule() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), """
                [profile hospital-admin]
                region = ap-south-1
                role_arn = arn:aws:iam::111122223333:role/DirectoryAdmin
                source_profile = base
                [profile base]
                aws_access_key_id = AKIDEXAMPLE
                aws_secret_access_key = secret
                """);
        Run run = importDirectory(Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString(),
                        "AWS_ENDPOINT_URL_STS", "http://127.0.0.1:9"),
                "--profile", "hospital-admin", "--file", directoryFile().toString(), "--table", table,
                "--endpoint-url", aws.backends().dynamoEndpoint().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        // The role is assumed through STS (refused here: nothing listens on port 9), not refused for want of the sts module.
        assertThat(run.err()).doesNotContain(MISSING_MODULE).contains("Connection refused");
    }

    @Test
    void anInvalidFileIsRefusedBeforeAnyAwsCallWithEveryProblemListed() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "defaultType: Heart\npeople:\n  - id: x\n    phone: \"12\"\ntypes: {}\n");
        Run run = importDirectory(Map.of(), "--file", bad.toString(), "--table", table, "--region", "ap-south-1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("12").doesNotContain("AWS session");
    }

    private static Path directoryFile() throws Exception {
        return Path.of(ImportDirectoryIT.class.getResource("/one-doctor-directory.yaml").toURI());
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** java -jar target/import-directory.jar with a clean environment: only PATH and what the test gives. */
    private Run importDirectory(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "import-directory.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("import-directory did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
