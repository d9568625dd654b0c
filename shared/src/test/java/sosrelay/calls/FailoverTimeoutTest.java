package sosrelay.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;
import sosrelay.pacing.Pacer;

/**
 * Exotel timing out, over real HTTP (WireMock with a fixed delay past the client's timeout): the request is looked up on
 * Exotel alone (its bulk call details by number) before Plivo is tried; Plivo rings only when Exotel placed nothing, or
 * when Exotel's look-up times out as well.
 */
class FailoverTimeoutTest {
    private static final String CONNECT = "/v1/Accounts/acme/Calls/connect.json";
    private static final String BULK_DETAILS = "/v1/Accounts/acme/Calls.json";
    private static final String PLIVO_CALL = "/v1/Account/MAXXXX/Call/";
    @RegisterExtension
    static final WireMockExtension exotel = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    @RegisterExtension
    static final WireMockExtension plivo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private FailoverCalls calls;

    @BeforeEach
    void setUp() {
        HttpClient http = HttpClient.newHttpClient();
        ExotelCalls exotelCalls = new ExotelCalls(http, new ExotelAccount(exotel.baseUrl() + "/", "acme", "key", () -> "token",
                "08047000000", () -> "http://my.exotel.com/acme/exoml/start_voice/926", () -> "https://sos.example/exotel/s3cret/call-status",
                30, 600, Duration.ofMillis(400)));
        PlivoCalls plivoCalls = new PlivoCalls(http, new PlivoAccount(plivo.baseUrl() + "/", "MAXXXX", () -> "token", "918047000000",
                hook -> "https://sos.example/plivo/s3cret/" + hook.name() + "?ref=" + hook.job().customField(), 30, 600, Duration.ofMillis(3000)));
        ProviderHealth health = new ProviderHealth(Clock.systemUTC());
        calls = new FailoverCalls(new VoiceProviders(List.of(exotelCalls, plivoCalls)), health,
                new VoiceBudgets(Map.of("exotel", Pacer.NONE, "plivo", Pacer.NONE), health));
        exotel.stubFor(post(CONNECT).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withBody("{\"Call\":{\"Sid\":\"late-sid\",\"Status\":\"in-progress\"}}")));
        plivo.stubFor(post(PLIVO_CALL).willReturn(aResponse().withStatus(201)
                .withBody("{\"api_id\":\"a1\",\"message\":\"call fired\",\"request_uuid\":\"r-1\"}")));
    }

    private static DeliveryJob job(String person) {
        return new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", person, "+919800000001", Channel.CALL, 1);
    }

    @Test
    void exotelTimingOutWithNoCallPlacedFailsOverToPlivoAndTheNextAttemptGoesStraightThere() {
        exotel.stubFor(get(urlPathEqualTo(BULK_DETAILS)).willReturn(aResponse().withStatus(200).withBody("{\"Calls\":[]}")));

        assertThat(calls.send(job("p1"))).isEqualTo(new SendResult.Accepted("plivo-r-1"));
        exotel.verify(1, getRequestedFor(urlPathEqualTo(BULK_DETAILS)).withQueryParam("From", equalTo("+919800000001")));
        plivo.verify(1, postRequestedFor(urlEqualTo(PLIVO_CALL)));

        assertThat(calls.send(job("p2"))).isEqualTo(new SendResult.Accepted("plivo-r-1"));
        exotel.verify(1, postRequestedFor(urlEqualTo(CONNECT)));
    }

    @Test
    void exotelTimingOutButPlacingTheCallIsNeverSentToPlivo() {
        exotel.stubFor(get(urlPathEqualTo(BULK_DETAILS)).willReturn(aResponse().withStatus(200)
                .withBody("{\"Calls\":[{\"Sid\":\"late-sid\",\"Status\":\"ringing\"}]}")));

        SendResult result = calls.send(job("p1"));

        assertThat(result).isInstanceOf(SendResult.Unknown.class);
        assertThat(((SendResult.Unknown) result).provider()).isEqualTo("exotel");
        plivo.verify(0, postRequestedFor(urlEqualTo(PLIVO_CALL)));
    }

    @Test
    void exotelsLookUpTimingOutTooFailsOverSinceMissingACallIsWorseThanADuplicate() {
        exotel.stubFor(get(urlPathEqualTo(BULK_DETAILS)).willReturn(aResponse().withStatus(200).withFixedDelay(6000)
                .withBody("{\"Calls\":[]}")));

        assertThat(calls.send(job("p1"))).isEqualTo(new SendResult.Accepted("plivo-r-1"));
        plivo.verify(1, postRequestedFor(urlEqualTo(PLIVO_CALL)));
    }
}
