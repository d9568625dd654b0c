package sosrelay.local.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;

/**
 * The README's "ring real phones from your laptop": the account, and its token in plain text, only
 * in the process environment, as a user exports them. The template declares no EXOTEL_API_TOKEN
 * (on AWS the token is an SSM parameter), yet the call goes out with it.
 */
class ProcessEnvironmentIT {
    private static final String CONNECT = "/v1/Accounts/acme/Calls/connect.json";

    @Test
    void anExotelAccountAndItsTokenOnlyInTheProcessEnvironmentPlaceTheCall() throws URISyntaxException {
        WireMockServer exotel = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        exotel.start();
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"Call\":{\"Sid\":\"env-call-1\",\"Status\":\"in-progress\"}}")));
        Path directory = Path.of(ProcessEnvironmentIT.class.getResource("/one-doctor-directory.yaml").toURI());
        Map<String, String> processEnvironment = Map.of(
                "EXOTEL_API_BASE_URL", exotel.baseUrl(),
                "EXOTEL_ACCOUNT_SID", "acme",
                "EXOTEL_API_KEY", "acme-key",
                "EXOTEL_API_TOKEN", "token-from-the-shell",
                "EXOTEL_CALLER_ID", "08047000000",
                "EXOTEL_FLOW_URL", "http://my.exotel.com/acme/exoml/start_voice/926",
                "EXOTEL_SMS_FROM", "SOSRLY", "EXOTEL_DLT_ENTITY_ID", "1101000000000000001",
                "EXOTEL_DLT_TEMPLATE_ID", "1107000000000000001");
        try (LocalRelay relay = LocalRelay.start(LocalHttp.madeUpCallSids(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withContactsFile(directory)),
                processEnvironment, new PrintStream(PrintStream.nullOutputStream()))) {
            assertThat(relay.sandbox()).isEmpty();

            assertThat(LocalHttp.get(relay.stack().baseUrl(), "/exotel/" + LocalRelay.LOCAL_SECRET + "/passthru",
                    LocalHttp.exotelPassthru("env-call-0001", "Heart")).statusCode()).isEqualTo(200);

            LocalHttp.await("the call to reach the WireMock Exotel", Duration.ofSeconds(30),
                    () -> !exotel.findAll(postRequestedFor(urlEqualTo(CONNECT))).isEmpty());
            exotel.verify(1, postRequestedFor(urlEqualTo(CONNECT))
                    .withBasicAuth(new BasicCredentials("acme-key", "token-from-the-shell"))
                    .withFormParam("From", equalTo("+919811100009")));
        } finally {
            exotel.stop();
        }
    }
}
