package sosrelay.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;
import sosrelay.delivery.DeliveryJob;
import sosrelay.messages.Text;

class ExotelSmsTest {
    private static final String SEND = "/v1/Accounts/acme/Sms/send.json";
    @RegisterExtension
    static final WireMockExtension exotel = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private ExotelSms sms;
    private final DeliveryJob job = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001", Channel.SMS, 1);

    @BeforeEach
    void setUp() {
        sms = new ExotelSms(HttpClient.newHttpClient(), new ExotelSmsAccount(exotel.baseUrl() + "/", "acme", "key", () -> "token",
                "SOSRLY", "1101000000000000001", "1107000000000000001", () -> "https://sos.example/exotel/s3cret/sms-status",
                Duration.ofMillis(5000)), j -> Text.english("Heart emergency, ref " + j.incidentId()));
    }

    @Test
    void sendsATransactionalDltTaggedSmsWithBasicAuth() {
        exotel.stubFor(post(SEND).willReturn(aResponse().withStatus(200)
                .withBody("{\"SMSMessage\":{\"Sid\":\"9e7b1c\",\"Status\":\"queued\"}}")));

        assertThat(sms.send(job)).isEqualTo(new SendResult.Accepted("9e7b1c"));
        exotel.verify(postRequestedFor(urlEqualTo(SEND))
                .withBasicAuth(new BasicCredentials("key", "token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("From", equalTo("SOSRLY"))
                .withFormParam("To", equalTo("+919800000001"))
                .withFormParam("Body", equalTo("Heart emergency, ref inc-aaaaaaaaaaaaaaaaaaaa"))
                .withFormParam("DltEntityId", equalTo("1101000000000000001"))
                .withFormParam("DltTemplateId", equalTo("1107000000000000001"))
                .withFormParam("SmsType", equalTo("transactional"))
                .withFormParam("StatusCallback", equalTo("https://sos.example/exotel/s3cret/sms-status"))
                .withFormParam("CustomField", equalTo("inc-aaaaaaaaaaaaaaaaaaaa:dr-rao")));
    }

    @Test
    void aNoticeWithoutItsTemplateIsOffTheAlertNever() {
        ExotelSms alertOnly = new ExotelSms(HttpClient.newHttpClient(), new ExotelSmsAccount(exotel.baseUrl() + "/", "acme", "key",
                () -> "token", "SOSRLY", "1101000000000000001", "1107000000000000001", () -> "https://sos.example/exotel/s3cret/sms-status",
                Duration.ofMillis(5000)), j -> Text.english("text"), (j, language) -> "1107000000000000001",
                java.util.Map.of("stand-down", "EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID is not set"));
        DeliveryJob standDown = new DeliveryJob(job.incidentId(), "dr-rao~stand-down", job.phone(), Channel.SMS, 1, null,
                sosrelay.directory.Priority.HIGH, new sosrelay.delivery.Notice(sosrelay.delivery.Notice.Kind.STAND_DOWN, "Dr. Khan", "1 of 1"));
        DeliveryJob coming = new DeliveryJob(job.incidentId(), "_reporter~coming-covered", job.phone(), Channel.SMS, 1, null,
                sosrelay.directory.Priority.HIGH, new sosrelay.delivery.Notice(sosrelay.delivery.Notice.Kind.COMING, "Dr. Khan", "1 of 1"));

        assertThat(alertOnly.off(standDown)).isEqualTo("the stand-down SMS is off: EXOTEL_DLT_STAND_DOWN_TEMPLATE_ID is not set");
        assertThat(alertOnly.off(coming)).isNull();
        assertThat(alertOnly.off(job)).as("the alert").isNull();
    }

    @Test
    void noValidSenderIdIsPermanent() {
        exotel.stubFor(post(SEND).willReturn(aResponse().withStatus(400)
                .withBody("{\"RestException\":{\"Status\":400,\"Message\":\"No valid sender id found\"}}")));

        assertThat(sms.send(job)).isEqualTo(new SendResult.Permanent("Exotel 400: No valid sender id found"));
    }

    @Test
    void throttlingIsTransientWithExotelsRetryAfter() {
        exotel.stubFor(post(SEND).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12").withBody("slow down")));

        assertThat(sms.send(job)).isEqualTo(new SendResult.Transient("Exotel 429: slow down", Duration.ofSeconds(12)));
    }

    @Test
    void serverErrorsAreTransient() {
        exotel.stubFor(post(SEND).willReturn(aResponse().withStatus(500).withBody("oops")));

        assertThat(sms.send(job)).isEqualTo(new SendResult.Transient("Exotel 500: oops", null));
    }

    @Test
    void aTimeoutLeavesItUnknownWhetherTheSmsWasSent() {
        exotel.stubFor(post(SEND).willReturn(aResponse().withStatus(200).withFixedDelay(7_000)
                .withBody("{\"SMSMessage\":{\"Sid\":\"late\"}}")));

        assertThat(sms.send(job)).isEqualTo(new SendResult.Unknown("Exotel did not answer within 5000 ms"));
    }

    @Test
    void aCallSidIsNotAnSmsSid() {
        exotel.stubFor(post(SEND).willReturn(aResponse().withStatus(200).withBody("{\"Call\":{\"Sid\":\"wrong\"}}")));

        assertThat(sms.send(job)).isInstanceOf(SendResult.Unknown.class);
    }
}
