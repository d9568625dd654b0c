package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosrelay.config.Env;
import sosrelay.directoryimport.ImportDirectoryCommand;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxGupShup;
import sosrelay.whatsapp.WhatsAppOptIns;

/**
 * Issue 10: importing the directory opts everyone with WhatsApp in with GupShup (the sandbox refuses template messages
 * to numbers never opted in) and records each in the incidents table, where the WhatsApp worker looks; a re-import
 * asks again only for whoever is not recorded; a refusal is listed per person and the directory is imported all the same.
 */
class ImportOptInIT {
    private static final String DIRECTORY = """
            defaultType: Heart
            people:
              - {id: dr-one, name: Dr. One, phone: "+919811100001", channels: [call, whatsapp]}
              - {id: dr-two, name: Dr. Two, phone: "+919811100002", channels: [whatsapp]}
              - {id: dr-three, name: Dr. Three, phone: "+919811100003", channels: [call]}
            types:
              Heart:
                tiers:
                  - notify: [dr-one, dr-two, dr-three]
            """;
    private static LocalTemplate aws;
    private static SandboxGupShup gupShup;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        aws = LocalTemplate.start();
        gupShup = SandboxGupShup.start(new PrintStream(PrintStream.nullOutputStream()));
        // The operator's credentials, as the SDK's default chain finds them first; DynamoDB Local takes any.
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        gupShup.close();
        aws.close();
    }

    @Test
    void everyoneWithWhatsAppIsOptedInAndRecordedOnceAcrossImports() throws Exception {
        aws.reset();
        int asked = gupShup.requestUrls().size();
        Run first = importDirectory(SandboxGupShup.PASSWORD);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Imported 3 people", "WhatsApp: 2 opted in with GupShup, 0 already opted in, 0 failed.");
        assertThat(gupShup.optedIn()).containsExactlyInAnyOrder("919811100001", "919811100002");
        WhatsAppOptIns records = new WhatsAppOptIns(aws.backends().dynamoDb(), aws.tableName("IncidentsTable"), Clock.systemUTC());
        assertThat(records.isOptedIn("dr-one", "+919811100001")).isTrue();
        assertThat(records.isOptedIn("dr-two", "+919811100002")).isTrue();
        assertThat(records.isOptedIn("dr-three", "+919811100003")).as("no WhatsApp, no opt-in").isFalse();

        Run again = importDirectory(SandboxGupShup.PASSWORD);
        assertThat(again.out()).contains("WhatsApp: 0 opted in with GupShup, 2 already opted in, 0 failed.");
        assertThat(gupShup.requestUrls()).as("one OPT_IN per person, none on the re-import").hasSize(asked + 2);
    }

    @Test
    void aRefusedOptInIsListedPerPersonAndTheImportStands() throws Exception {
        aws.reset();
        Run run = importDirectory("not-the-password");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("WhatsApp opt-in of dr-one (+91******0001) failed: GupShup error 102",
                "WhatsApp opt-in of dr-two (+91******0002) failed: GupShup error 102");
        assertThat(run.out()).contains("Imported 3 people", "0 opted in with GupShup, 0 already opted in, 2 failed");
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run importDirectory(String password) throws Exception {
        Path file = Files.writeString(dir.resolve("contacts.yaml"), DIRECTORY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = ImportDirectoryCommand.run(new String[] {"--file", file.toString(), "--table", aws.tableName("DirectoryTable"),
                        "--incidents-table", aws.tableName("IncidentsTable"), "--region", "ap-south-1",
                        "--endpoint-url", aws.backends().dynamoEndpoint().toString()},
                Env.of(Map.of("GUPSHUP_API_BASE_URL", gupShup.baseUrl(), "GUPSHUP_USER_ID", SandboxGupShup.USER_ID,
                        "GUPSHUP_PASSWORD", password)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
