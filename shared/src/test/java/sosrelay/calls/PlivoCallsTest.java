package sosrelay.calls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;

class PlivoCallsTest {
    private static final String CALL = "/v1/Account/MAXXXX/Call/";
    @RegisterExtension
    static final WireMockExtension plivo = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private PlivoCalls calls;
    private final DeliveryJob job = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001", Channel.CALL, 1);

    @BeforeEach
    void setUp() {
        calls = new PlivoCalls(HttpClient.newHttpClient(), new PlivoAccount(plivo.baseUrl() + "/", "MAXXXX", () -> "new-token,old-token",
                "918047000000", hook -> "https://sos.example/plivo/s3cret/" + hook.name() + "?ref=" + hook.job().customField(),
                30, 600, Duration.ofMillis(3000)));
    }

    @Test
    void firesTheCallWithAJsonBodyBasicAuthAndEveryFieldPlivoNeeds() {
        plivo.stubFor(post(CALL).willReturn(aResponse().withStatus(201)
                .withBody("{\"api_id\":\"97ceeb52\",\"message\":\"call fired\",\"request_uuid\":\"75e5f1c0-7a12\"}")));

        assertThat(calls.send(job)).isEqualTo(new SendResult.Accepted("plivo-75e5f1c0-7a12"));
        plivo.verify(postRequestedFor(urlEqualTo(CALL))
                .withBasicAuth(new BasicCredentials("MAXXXX", "new-token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"from\":\"918047000000\",\"to\":\"919800000001\","
                        + "\"answer_url\":\"https://sos.example/plivo/s3cret/answer?ref=inc-aaaaaaaaaaaaaaaaaaaa:dr-rao\","
                        + "\"answer_method\":\"POST\","
                        + "\"hangup_url\":\"https://sos.example/plivo/s3cret/hangup?ref=inc-aaaaaaaaaaaaaaaaaaaa:dr-rao\","
                        + "\"hangup_method\":\"POST\",\"ring_timeout\":30,\"time_limit\":600}")));
    }

    @Test
    void aCallerIdNotOfTheAccountIsAPermanentFailureWithPlivosError() {
        plivo.stubFor(post(CALL).willReturn(aResponse().withStatus(400)
                .withBody("{\"api_id\":\"1\",\"error\":\"from parameter is invalid. +918047000000 is not associated with your account.\"}")));

        assertThat(calls.send(job)).isEqualTo(new SendResult.Permanent(
                "Plivo 400: from parameter is invalid. +91******0000 is not associated with your account."));
    }

    /** The reason reaches logs, the delivery and the timeline: the number Plivo quotes is masked in it. */
    @Test
    void aNumberPlivoCallsInvalidIsAPermanentFailureThatDoesNotQuoteIt() {
        plivo.stubFor(post(CALL).willReturn(aResponse().withStatus(400)
                .withBody("{\"api_id\":\"1\",\"error\":\"'919800000001' is not a valid phone number.\"}")));

        assertThat(calls.send(job)).isEqualTo(new SendResult.Permanent("Plivo 400: '********0001' is not a valid phone number."));
    }

    @Test
    void badCredentialsAndGeoPermissionsAreForGood() {
        plivo.stubFor(post(CALL).willReturn(aResponse().withStatus(401).withBody("{\"api_id\":\"1\",\"error\":\"Authentication failed\"}")));
        assertThat(calls.send(job)).isInstanceOf(SendResult.Permanent.class);
        plivo.stubFor(post(CALL).willReturn(aResponse().withStatus(403).withBody("{\"api_id\":\"1\",\"error\":\"geo permission\"}")));
        assertThat(calls.send(job)).isInstanceOf(SendResult.Permanent.class);
    }

    @Test
    void throttlingIsTransientAndKeepsPlivosRetryAfter() {
        plivo.stubFor(post(CALL).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")
                .withBody("{\"api_id\":\"1\",\"error\":\"too many requests\"}")));

        assertThat(calls.send(job)).isEqualTo(new SendResult.Transient("Plivo 429: too many requests", Duration.ofSeconds(5)));
    }

    @Test
    void serverErrorsAreTransient() {
        plivo.stubFor(post(CALL).willReturn(aResponse().withStatus(503).withBody("")));

        assertThat(calls.send(job)).isEqualTo(new SendResult.Transient("Plivo 503: ", null));
    }

    @Test
    void aTimeoutLeavesItUnknownWhetherTheCallWasFired() {
        plivo.stubFor(post(CALL).willReturn(aResponse().withStatus(201).withFixedDelay(4_000)
                .withBody("{\"request_uuid\":\"late\"}")));

        assertThat(calls.send(job)).isEqualTo(new SendResult.Unknown("Plivo did not answer within 3000 ms"));
    }

    @Test
    void aSuccessWithoutARequestUuidIsNeitherAPlacedCallNorNone() {
        plivo.stubFor(post(CALL).willReturn(aResponse().withStatus(201).withBody("{\"message\":\"call fired\"}")));

        assertThat(calls.send(job)).isInstanceOf(SendResult.Unknown.class);
    }

    @Test
    void whatWentToTheNumberIsItsLiveCallsAndItsCallRecordsSinceTheMomentInUtc() {
        plivo.stubFor(get(urlPathEqualTo(CALL)).withQueryParam("status", equalTo("live")).willReturn(aResponse().withStatus(200)
                .withBody("{\"api_id\":\"1\",\"calls\":[\"live-1\"]}")));
        plivo.stubFor(get(urlPathEqualTo(CALL)).withQueryParam("add_time__gte", equalTo("2026-11-25 10:00:05")).willReturn(
                aResponse().withStatus(200).withBody("{\"api_id\":\"2\",\"meta\":{},\"objects\":[{\"call_uuid\":\"done-1\","
                        + "\"to_number\":\"919800000001\"}]}")));

        assertThat(calls.sentSince(job, Instant.parse("2026-11-25T10:00:05Z"))).containsExactly("plivo-live-1", "plivo-done-1");
        plivo.verify(getRequestedFor(urlPathEqualTo(CALL)).withQueryParam("to_number", equalTo("919800000001"))
                .withQueryParam("call_direction", equalTo("outbound")).withBasicAuth(new BasicCredentials("MAXXXX", "new-token")));
    }

    @Test
    void aLookupPlivoCannotAnswerSaysSoInsteadOfSayingNothingWasSent() {
        plivo.stubFor(get(urlPathEqualTo(CALL)).willReturn(aResponse().withStatus(503).withBody("")));

        assertThatThrownBy(() -> calls.sentSince(job, Instant.now())).isInstanceOf(IllegalStateException.class).hasMessageContaining("503");
    }

    @Test
    void aQueuedCallIsQueuedAndARecordSaysAnsweredOrNot() {
        plivo.stubFor(get(urlEqualTo(CALL + "q-1/?status=queued")).willReturn(aResponse().withStatus(200)
                .withBody("{\"api_id\":\"1\",\"call_status\":\"queued\",\"request_uuid\":\"q-1\"}")));
        plivo.stubFor(get(urlEqualTo(CALL + "c-1/?status=queued")).willReturn(aResponse().withStatus(404)
                .withBody("{\"api_id\":\"1\",\"error\":\"not found\"}")));
        plivo.stubFor(get(urlEqualTo(CALL + "c-1/")).willReturn(aResponse().withStatus(200)
                .withBody("{\"api_id\":\"1\",\"call_uuid\":\"c-1\",\"answer_time\":null,\"end_time\":\"2026-11-25 15:31:00+05:30\"}")));

        assertThat(calls.status("plivo-q-1")).isEqualTo("queued");
        assertThat(calls.status("plivo-c-1")).isEqualTo("no-answer");
    }

    @Test
    void aRequestUuidOfACallOnTheLineIsFoundAmongTheLiveCallsByTheRequestUuidTheirDetailsCarry() {
        notQueuedNorRecorded("r-1");
        plivo.stubFor(get(urlEqualTo(CALL + "?status=live")).willReturn(aResponse().withStatus(200)
                .withBody("{\"api_id\":\"1\",\"calls\":[\"c-other\",\"c-ours\"]}")));
        plivo.stubFor(get(urlEqualTo(CALL + "c-other/?status=live")).willReturn(aResponse().withStatus(200)
                .withBody("{\"api_id\":\"1\",\"call_uuid\":\"c-other\",\"request_uuid\":\"r-2\",\"call_status\":\"in-progress\"}")));
        plivo.stubFor(get(urlEqualTo(CALL + "c-ours/?status=live")).willReturn(aResponse().withStatus(200)
                .withBody("{\"api_id\":\"1\",\"call_uuid\":\"c-ours\",\"request_uuid\":\"r-1\",\"call_status\":\"ringing\"}")));

        assertThat(calls.status("plivo-r-1")).isEqualTo("ringing");
    }

    @Test
    void aRequestUuidNeitherQueuedNorLiveIsACallThatEndedWithoutItsHangupAndIsRetriedAsFailedAtOnce() {
        notQueuedNorRecorded("r-1");
        plivo.stubFor(get(urlEqualTo(CALL + "?status=live")).willReturn(aResponse().withStatus(200)
                .withBody("{\"api_id\":\"1\",\"calls\":[\"c-other\"]}")));
        plivo.stubFor(get(urlEqualTo(CALL + "c-other/?status=live")).willReturn(aResponse().withStatus(200)
                .withBody("{\"api_id\":\"1\",\"call_uuid\":\"c-other\",\"request_uuid\":\"r-2\",\"call_status\":\"in-progress\"}")));

        assertThat(calls.status("plivo-r-1")).isEqualTo("failed");
    }

    @Test
    void whenTheLiveCallsCannotBeListedOrTheirDetailsCarryNoRequestUuidPlivoCannotSay() {
        notQueuedNorRecorded("r-1");
        plivo.stubFor(get(urlEqualTo(CALL + "?status=live")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> calls.status("plivo-r-1")).isInstanceOf(IllegalStateException.class);

        plivo.stubFor(get(urlEqualTo(CALL + "?status=live")).willReturn(aResponse().withStatus(200)
                .withBody("{\"api_id\":\"1\",\"calls\":[\"c-old\"]}")));
        plivo.stubFor(get(urlEqualTo(CALL + "c-old/?status=live")).willReturn(aResponse().withStatus(200)
                .withBody("{\"api_id\":\"1\",\"call_uuid\":\"c-old\",\"call_status\":\"in-progress\"}")));

        assertThatThrownBy(() -> calls.status("plivo-r-1")).isInstanceOf(IllegalStateException.class);
    }

    private static void notQueuedNorRecorded(String id) {
        plivo.stubFor(get(urlPathEqualTo(CALL + id + "/")).willReturn(aResponse().withStatus(404)
                .withBody("{\"api_id\":\"1\",\"error\":\"not found\"}")));
    }
}
