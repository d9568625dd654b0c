package sosrelay.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;
import sosrelay.delivery.DeliveryJob;

class ExotelCallsTest {
    private static final String CONNECT = "/v1/Accounts/acme/Calls/connect.json";
    private static final String BULK = "/v1/Accounts/acme/Calls.json";
    @RegisterExtension
    static final WireMockExtension exotel = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private ExotelCalls calls;
    private final DeliveryJob job = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001", Channel.CALL, 1);

    @BeforeEach
    void setUp() {
        calls = new ExotelCalls(HttpClient.newHttpClient(), new ExotelAccount(exotel.baseUrl() + "/", "acme", "key",
                () -> "token", "08047000000", () -> "http://my.exotel.com/acme/exoml/start_voice/926",
                () -> "https://sos.example/exotel/s3cret/call-status", 30, 600, Duration.ofMillis(5000)));
    }

    @Test
    void placesTheCallWithBasicAuthAndEveryParameterExotelNeeds() {
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(200)
                .withBody("{\"Call\":{\"Sid\":\"b6cfaf0a\",\"Status\":\"in-progress\"}}")));

        assertThat(calls.send(job)).isEqualTo(new SendResult.Accepted("b6cfaf0a"));
        exotel.verify(postRequestedFor(urlEqualTo(CONNECT))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("key", "token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("From", equalTo("+919800000001"))
                .withFormParam("CallerId", equalTo("08047000000"))
                .withFormParam("Url", equalTo("http://my.exotel.com/acme/exoml/start_voice/926"))
                .withFormParam("CallType", equalTo("trans"))
                .withFormParam("TimeOut", equalTo("30"))
                .withFormParam("CustomField", equalTo("inc-aaaaaaaaaaaaaaaaaaaa:dr-rao"))
                .withFormParam("StatusCallback", equalTo("https://sos.example/exotel/s3cret/call-status")));
    }

    @Test
    void badCredentialsAreAPermanentFailureWithExotelsMessage() {
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(401)
                .withBody("{\"RestException\":{\"Status\":401,\"Message\":\"Authentication is required to view this page.\"}}")));

        assertThat(calls.send(job)).isEqualTo(new SendResult.Permanent("Exotel 401: Authentication is required to view this page."));
    }

    @Test
    void throttlingIsTransientAndKeepsExotelsRetryAfter() {
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withBody("Too many requests")));

        assertThat(calls.send(job)).isEqualTo(new SendResult.Transient("Exotel 429: Too many requests", Duration.ofSeconds(30)));
    }

    @Test
    void serverErrorsAreTransient() {
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(503).withBody("")));

        assertThat(calls.send(job)).isInstanceOf(SendResult.Transient.class);
    }

    @Test
    void aTimeoutLeavesItUnknownWhetherTheCallWasPlaced() {
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(200).withFixedDelay(7_000)
                .withBody("{\"Call\":{\"Sid\":\"late\"}}")));

        assertThat(calls.send(job)).isEqualTo(new SendResult.Unknown("Exotel did not answer within 5000 ms"));
    }

    @Test
    void anAnswerWithoutASidIsNotTakenAsAPlacedCallNorAsNone() {
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(200).withBody("<TwilioResponse/>")));

        assertThat(calls.send(job)).isInstanceOf(SendResult.Unknown.class);
    }

    @Test
    void asksExotelsBulkCallDetailsWhatWentToTheNumberSinceAMomentInIndiaTime() {
        exotel.stubFor(get(urlPathEqualTo(BULK)).willReturn(aResponse().withStatus(200).withBody(
                "{\"Metadata\":{\"Total\":2},\"Calls\":[{\"Sid\":\"newer\",\"From\":\"+919800000001\"},"
                        + "{\"Sid\":\"older\",\"From\":\"+919800000001\"}]}")));

        assertThat(calls.sentSince(job, Instant.parse("2026-11-25T10:00:05Z"))).containsExactly("newer", "older");
        exotel.verify(getRequestedFor(urlPathEqualTo(BULK))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("key", "token"))
                .withQueryParam("From", equalTo("+919800000001"))
                .withQueryParam("DateCreated", matching("gte:2026-11-25 15:30:05;lte:\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"))
                .withQueryParam("SortBy", equalTo("DateCreated:desc")));
    }

    @Test
    void aBulkLookupExotelCannotAnswerSaysSoInsteadOfSayingNothingWasSent() {
        exotel.stubFor(get(urlPathEqualTo(BULK)).willReturn(aResponse().withStatus(503).withBody("")));

        assertThatThrownBy(() -> calls.sentSince(job, Instant.now())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("503");
    }
}
