package sosrelay.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;
import sosrelay.dispatch.DeliveryJob;

class GupShupWhatsAppTest {
    private static final String REST = "/GatewayAPI/rest";
    private static final String PASSWORD = "p@ss word&secret";
    @RegisterExtension
    static final WireMockExtension gupShup = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private GupShupWhatsApp whatsApp;
    private final DeliveryJob job = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001", Channel.WHATSAPP, 1);

    @BeforeEach
    void setUp() {
        whatsApp = new GupShupWhatsApp(HttpClient.newHttpClient(),
                new GupShupAccount(gupShup.baseUrl(), "2000123456", () -> PASSWORD, Duration.ofMillis(500)),
                j -> "Heart emergency, ref " + j.incidentId());
    }

    private void answer(String body) {
        gupShup.stubFor(post(urlPathEqualTo(REST)).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    @Test
    void sendsTheTemplateMessageWithTheCredentialsInTheBodyOnly() {
        answer("{\"response\":{\"id\":\"4045551\",\"phone\":\"919800000001\",\"details\":\"\",\"status\":\"success\"}}");

        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Accepted("4045551"));
        gupShup.verify(postRequestedFor(urlPathEqualTo(REST))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("method", equalTo("SendMessage"))
                .withFormParam("userid", equalTo("2000123456"))
                .withFormParam("password", equalTo(PASSWORD))
                .withFormParam("send_to", equalTo("919800000001"))
                .withFormParam("msg_type", equalTo("HSM"))
                .withFormParam("isTemplate", equalTo("true"))
                .withFormParam("msg", equalTo("Heart emergency, ref inc-aaaaaaaaaaaaaaaaaaaa"))
                .withFormParam("v", equalTo("1.1"))
                .withFormParam("auth_scheme", equalTo("plain"))
                .withFormParam("format", equalTo("json")));
        List<LoggedRequest> requests = gupShup.findAll(postRequestedFor(urlPathEqualTo(REST)));
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getUrl()).isEqualTo(REST);
        assertThat(requests.get(0).getHeaders().all().toString()).doesNotContain("p@ss");
    }

    @Test
    void anErrorInA200IsNotSuccessButAPermanentFailureWithGupShupsDetails() {
        answer("{\"response\":{\"id\":\"175\",\"phone\":\"\",\"details\":\"Invalid phone number\",\"status\":\"error\"}}");

        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Permanent("GupShup error: Invalid phone number"));
    }

    @Test
    void anErrorThatReadsAsThrottlingIsTransient() {
        answer("{\"response\":{\"id\":\"\",\"phone\":\"\",\"details\":\"Too many requests, please try again later\",\"status\":\"error\"}}");

        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Transient("GupShup error: Too many requests, please try again later", null));
    }

    @Test
    void aBadPasswordIsPermanentAndTheReasonDoesNotCarryIt() {
        answer("{\"response\":{\"id\":\"\",\"phone\":\"\",\"details\":\"Authentication failed due to invalid userId or password.\",\"status\":\"error\"}}");

        SendResult result = whatsApp.send(job);

        assertThat(result).isInstanceOf(SendResult.Permanent.class);
        assertThat(result.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void a200ThatIsNotGupShupsJsonIsTransient() {
        answer("<html>Service Unavailable</html>");

        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Transient("GupShup answered 200 without a response object", null));
    }

    @Test
    void throttlingAndServerErrorsAreTransient() {
        gupShup.stubFor(post(urlPathEqualTo(REST)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));
        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Transient("GupShup 429: ", Duration.ofSeconds(7)));

        gupShup.stubFor(post(urlPathEqualTo(REST)).willReturn(aResponse().withStatus(500).withBody("down")));
        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Transient("GupShup 500: down", null));
    }

    @Test
    void aTimeoutOrADroppedConnectionLeavesItUnknownWhetherTheMessageWent() {
        gupShup.stubFor(post(urlPathEqualTo(REST)).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Unknown("GupShup did not answer within 500 ms"));

        gupShup.stubFor(post(urlPathEqualTo(REST)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(whatsApp.send(job)).isInstanceOf(SendResult.Unknown.class);
    }
}
