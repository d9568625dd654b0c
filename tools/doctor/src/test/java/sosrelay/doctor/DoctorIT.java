package sosrelay.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Issue 21 item 7: tools/doctor against the local stack with its secrets in the local Parameter Store, as against a
 * deployed stack: it names a missing parameter (and each function whose settings check needs it), passes once the
 * parameter is put, and reports a token the sandbox Exotel's account API refuses. Nothing secret is printed.
 */
class DoctorIT {
    private static final String FLOW_URL = "/sos-relay/exotel-flow-url";
    private static final String TOKEN = "/sos-relay/exotel-api-token";
    private static LocalRelay relay;
    private static Path outputs;

    @BeforeAll
    static void start() throws Exception {
        outputs = Files.createTempFile("sos-outputs-", ".json");
        relay = LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()),
                Map.of("SOS_LOCAL_SSM", "on", LocalRelay.OUTPUTS_VARIABLE, outputs.toString()),
                new PrintStream(PrintStream.nullOutputStream()));
    }

    @AfterAll
    static void stop() throws Exception {
        relay.close();
        Files.deleteIfExists(outputs);
    }

    @Test
    void namesAMissingParameterAndPassesOnceItIsSet() {
        SsmClient ssm = relay.stack().backends().ssm();
        String flowUrl = ssm.getParameter(b -> b.name(FLOW_URL)).parameter().value();
        ssm.deleteParameter(b -> b.name(FLOW_URL));
        try {
            Result missing = doctor();

            assertThat(missing.exit()).as(missing.printed()).isEqualTo(1);
            assertThat(missing.printed())
                    .contains("PROBLEM  " + FLOW_URL + " is missing: put it (aws ssm put-parameter --name " + FLOW_URL + " --type String")
                    .contains("PROBLEM  CallJobFunction: settings check: 1 problem(s):")
                    .contains("EXOTEL_FLOW_URL_PARAMETER " + FLOW_URL + ": could not read secret parameter " + FLOW_URL + ": ParameterNotFoundException")
                    .contains("ok       /sos-relay/webhook-secret", "ok       ExotelPassthruFunction")
                    .doesNotContain(flowUrl, LocalRelay.LOCAL_SECRET, SandboxExotel.API_TOKEN);
        } finally {
            ssm.putParameter(b -> b.name(FLOW_URL).type(ParameterType.STRING).value(flowUrl).overwrite(true));
        }

        Result fixed = doctor();

        assertThat(fixed.exit()).as(fixed.printed()).isZero();
        assertThat(fixed.printed()).contains("Everything checked is in place.", "ok       " + FLOW_URL, "ok       CallJobFunction",
                "ok       account sandbox at " + relay.sandbox().orElseThrow().baseUrl() + " answers the key and token")
                .doesNotContain("PROBLEM");
    }

    @Test
    void reportsATokenExotelRefuses() {
        SsmClient ssm = relay.stack().backends().ssm();
        ssm.putParameter(b -> b.name(TOKEN).type(ParameterType.SECURE_STRING).value("not-the-token").overwrite(true));
        try {
            Result refused = doctor();

            assertThat(refused.exit()).as(refused.printed()).isEqualTo(1);
            assertThat(refused.printed()).contains("PROBLEM  Exotel refused the API key and token (401)").doesNotContain("not-the-token");
        } finally {
            ssm.putParameter(b -> b.name(TOKEN).type(ParameterType.SECURE_STRING).value(SandboxExotel.API_TOKEN).overwrite(true));
        }
    }

    @Test
    void aWrongOptionSaysHow() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DoctorCommand.run(new String[] {"--stack"}, new PrintStream(OutputStream.nullOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--stack needs a value", "usage:");
    }

    private record Result(int exit, String printed) {
    }

    private static Result doctor() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DoctorCommand.run(new String[] {"--outputs", outputs.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private static final class OutputStream {
        static java.io.OutputStream nullOutputStream() {
            return java.io.OutputStream.nullOutputStream();
        }
    }
}
