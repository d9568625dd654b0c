package sosrelay.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;
import sosrelay.delivery.DeliveryJob;
import sosrelay.messages.Text;
import sosrelay.local.backends.LocalTemplate;

/** GupShup as WireMock, the opt-in records on DynamoDB Local. */
class GupShupWhatsAppIT {
    private static final String REST = "/GatewayAPI/rest";
    private static final String PASSWORD = "p@ss word&secret";
    private static final String OPTED_IN = "{\"response\":{\"id\":\"opt-1\",\"phone\":\"919800000001\",\"details\":\"\",\"status\":\"success\"}}";
    @RegisterExtension
    static final WireMockExtension gupShup = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private static LocalTemplate stack;
    private static WhatsAppOptIns optIns;
    private GupShupWhatsApp whatsApp;
    private final DeliveryJob job = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001", Channel.WHATSAPP, 1);

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
        optIns = new WhatsAppOptIns(stack.backends().dynamoDb(), stack.tableName("IncidentsTable"), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void setUp() {
        stack.reset();
        whatsApp = new GupShupWhatsApp(HttpClient.newHttpClient(),
                new GupShupAccount(gupShup.baseUrl(), "2000123456", () -> PASSWORD, Duration.ofMillis(5000)),
                j -> Text.english("Heart emergency, ref " + j.incidentId()), optIns);
        gupShup.stubFor(post(urlPathEqualTo(REST)).withRequestBody(containing("method=OPT_IN")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody(OPTED_IN)));
    }

    private void answer(String body) {
        gupShup.stubFor(post(urlPathEqualTo(REST)).atPriority(5).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    @Test
    void optsTheNumberInBeforeItsFirstTemplateMessageAndOnlyOnce() {
        answer("{\"response\":{\"id\":\"4045551\",\"phone\":\"919800000001\",\"details\":\"\",\"status\":\"success\"}}");

        whatsApp.send(job);
        whatsApp.send(new DeliveryJob("inc-bbbbbbbbbbbbbbbbbbbb", "dr-rao", "+919800000001", Channel.WHATSAPP, 1));

        gupShup.verify(1, postRequestedFor(urlPathEqualTo(REST)).withFormParam("method", equalTo("OPT_IN"))
                .withFormParam("phone_number", equalTo("919800000001")).withFormParam("channel", equalTo("WHATSAPP"))
                .withFormParam("password", equalTo(PASSWORD)));
        gupShup.verify(2, postRequestedFor(urlPathEqualTo(REST)).withFormParam("method", equalTo("SendMessage")));
        assertThat(optIns.isOptedIn("dr-rao", "+919800000001")).isTrue();
        assertThat(optIns.isOptedIn("dr-rao", "+919800000002")).as("a new number is opted in again").isFalse();
    }

    @Test
    void aNotOptedInAnswerOptsTheNumberInAgainAndSendsOnce() {
        optIns.optedIn("dr-rao", "+919800000001");
        gupShup.stubFor(post(urlPathEqualTo(REST)).withRequestBody(containing("method=SendMessage")).inScenario("opt-in")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("refused")
                .willReturn(aResponse().withStatus(200).withBody(
                        "{\"response\":{\"id\":\"1006\",\"phone\":\"\",\"details\":\"Template Opt-in Failure\",\"status\":\"error\"}}")));
        gupShup.stubFor(post(urlPathEqualTo(REST)).withRequestBody(containing("method=SendMessage")).inScenario("opt-in")
                .whenScenarioStateIs("refused").willReturn(aResponse().withStatus(200).withBody(
                        "{\"response\":{\"id\":\"4045553\",\"phone\":\"919800000001\",\"details\":\"\",\"status\":\"success\"}}")));

        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Accepted("4045553"));
        gupShup.verify(1, postRequestedFor(urlPathEqualTo(REST)).withFormParam("method", equalTo("OPT_IN")));
    }

    @Test
    void gupShupsNumericIdDecidesNotItsWording() {
        answer("{\"response\":{\"id\":\"100\",\"phone\":\"\",\"details\":\"Something odd happened\",\"status\":\"error\"}}");
        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Transient("GupShup error 100: Something odd happened", null));

        answer("{\"response\":{\"id\":\"1012\",\"phone\":\"\",\"details\":\"Please try again: number opted out\",\"status\":\"error\"}}");
        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Permanent("GupShup error 1012: Please try again: number opted out"));
    }

    @Test
    void theTemplatesHeaderAndFooterGoWithTheMessage() {
        answer("{\"response\":{\"id\":\"4045554\",\"phone\":\"919800000001\",\"details\":\"\",\"status\":\"success\"}}");
        GupShupWhatsApp withHeader = new GupShupWhatsApp(HttpClient.newHttpClient(),
                new GupShupAccount(gupShup.baseUrl(), "2000123456", () -> PASSWORD, Duration.ofMillis(5000), "SOS Relay", "Press 1 on the call"),
                j -> Text.english("text"), optIns);

        withHeader.send(job);

        gupShup.verify(postRequestedFor(urlPathEqualTo(REST)).withFormParam("method", equalTo("SendMessage"))
                .withFormParam("header", equalTo("SOS Relay")).withFormParam("footer", equalTo("Press 1 on the call")));
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
        assertThat(requests).hasSize(2);
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getUrl()).isEqualTo(REST);
            assertThat(request.getHeaders().all().toString()).doesNotContain("p@ss");
        });
    }

    @Test
    void anErrorInA200IsNotSuccessButAPermanentFailureWithGupShupsDetails() {
        answer("{\"response\":{\"id\":\"175\",\"phone\":\"\",\"details\":\"Invalid phone number\",\"status\":\"error\"}}");

        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Permanent("GupShup error 175: Invalid phone number"));
    }

    @Test
    void rateLimitingByItsIdIsTransient() {
        answer("{\"response\":{\"id\":\"4001\",\"phone\":\"\",\"details\":\"API Rate Limited\",\"status\":\"error\"}}");

        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Transient("GupShup error 4001: API Rate Limited", null));
    }

    @Test
    void aBadPasswordIsPermanentAndTheReasonDoesNotCarryIt() {
        answer("{\"response\":{\"id\":\"102\",\"phone\":\"\",\"details\":\"Authentication failed due to invalid userId or password.\",\"status\":\"error\"}}");

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
        gupShup.stubFor(post(urlPathEqualTo(REST)).willReturn(aResponse().withStatus(200).withFixedDelay(7_000)));
        assertThat(whatsApp.send(job)).isEqualTo(new SendResult.Unknown("GupShup did not answer within 5000 ms"));

        gupShup.stubFor(post(urlPathEqualTo(REST)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(whatsApp.send(job)).isInstanceOf(SendResult.Unknown.class);
    }
}
