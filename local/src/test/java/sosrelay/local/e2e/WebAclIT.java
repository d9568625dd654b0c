package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;

/** The local stack plays the template's WAF rate rules in front of its API: past the limit, WAF's 403 and no function. */
class WebAclIT {

    @Test
    void anAddressPastThePublicRoutesLimitGetsWafsForbiddenWhileTheDeviceApiStillAnswers(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(LocalTemplate.findTemplate());
        String limit = """
                  PublicRouteRateLimit:
                    Type: Number
                    Default: 300
                """;
        assertThat(yaml).contains(limit);
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, yaml.replace(limit, limit.replace("Default: 300", "Default: 20")));

        try (LocalRelay relay = LocalRelay.start(LocalStackOptions.forTemplate(template), Map.of(),
                new PrintStream(PrintStream.nullOutputStream()))) {
            for (int i = 0; i < 20; i++) {
                assertThat(LocalHttp.get(relay.stack().baseUrl(), "/board", Map.of()).statusCode()).as("request %d", i).isEqualTo(200);
            }
            var blocked = LocalHttp.get(relay.stack().baseUrl(), "/r/some-token", Map.of());
            assertThat(blocked.statusCode()).isEqualTo(403);
            assertThat(blocked.body()).isEqualTo("{\"message\":\"Forbidden\"}");
            assertThat(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/inc-aaaaaaaaaaaaaaaaaaaa", LocalRelay.LOCAL_API_KEY)
                    .statusCode()).as("no rate rule on the device API").isEqualTo(404);
        }
    }
}
