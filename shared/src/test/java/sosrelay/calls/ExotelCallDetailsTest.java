package sosrelay.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lookup a Passthru's CallSid check reads: only Exotel's own 404 is "no such call". */
class ExotelCallDetailsTest {
    private static final String DETAILS = "/v1/Accounts/acme/Calls/b6cfaf5f.json";
    @RegisterExtension
    static final WireMockExtension exotel = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private ExotelCallDetails details;

    @BeforeEach
    void setUp() {
        details = new ExotelCallDetails(HttpClient.newHttpClient(), new ExotelAccount(exotel.baseUrl(), "acme", "key",
                () -> "token", "08047000000", () -> "http://my.exotel.com/acme/exoml/start_voice/926",
                () -> "https://sos.example/exotel/s3cret/call-status", 30, 600, Duration.ofMillis(2000)));
    }

    @Test
    void aCallExotelKnowsIsFoundWithItsDetails() {
        exotel.stubFor(get(DETAILS).willReturn(aResponse().withStatus(200)
                .withBody("{\"Call\":{\"Sid\":\"b6cfaf5f\",\"Direction\":\"inbound\",\"To\":\"08047000000\"}}")));

        ExotelCallDetails.Lookup lookup = details.lookup("b6cfaf5f");

        assertThat(lookup).isInstanceOf(ExotelCallDetails.Lookup.Found.class);
        assertThat(((ExotelCallDetails.Lookup.Found) lookup).call().get("Direction")).isEqualTo("inbound");
    }

    @Test
    void exotelsOwn404IsNoSuchCall() {
        exotel.stubFor(get(DETAILS).willReturn(aResponse().withStatus(404)
                .withBody("{\"RestException\":{\"Status\":404,\"Message\":\"Call b6cfaf5f was not found\"}}")));

        assertThat(details.lookup("b6cfaf5f")).isEqualTo(new ExotelCallDetails.Lookup.NotFound());
    }

    @Test
    void aProxysOr404PageOfAWrongBaseUrlIsNotNoSuchCall() {
        exotel.stubFor(get(DETAILS).willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));

        assertThat(details.lookup("b6cfaf5f")).isInstanceOf(ExotelCallDetails.Lookup.Unavailable.class);
    }

    @Test
    void serverErrorsThrottlingAndDroppedConnectionsSayNothing() {
        exotel.stubFor(get(DETAILS).willReturn(aResponse().withStatus(503)));
        assertThat(details.lookup("b6cfaf5f")).isEqualTo(new ExotelCallDetails.Lookup.Unavailable("Exotel call details answered 503"));

        exotel.stubFor(get(DETAILS).willReturn(aResponse().withStatus(429).withBody("Too many requests")));
        assertThat(details.lookup("b6cfaf5f")).isEqualTo(new ExotelCallDetails.Lookup.Unavailable("Exotel call details answered 429"));

        exotel.stubFor(get(DETAILS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(details.lookup("b6cfaf5f")).isInstanceOf(ExotelCallDetails.Lookup.Unavailable.class);
    }

    @Test
    void anAnswerWithoutACallSaysNothing() {
        exotel.stubFor(get(DETAILS).willReturn(aResponse().withStatus(200).withBody("{}")));

        assertThat(details.lookup("b6cfaf5f")).isEqualTo(new ExotelCallDetails.Lookup.Unavailable("Exotel call details without a Call"));
    }
}
