package sosrelay.greeting;

import sosrelay.directory.RetryPolicy;
import sosrelay.local.backends.junit.ApiEvents;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import sosrelay.config.Env;
import sosrelay.directory.Language;
import sosrelay.directory.Channel;
import sosrelay.directory.Person;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
import sosrelay.incident.Recording;
import sosrelay.incident.Trigger;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.config.Settings;
import sosrelay.wiring.Wiring;

/** The Dynamic Greeting handler on the fixtures in events/, against DynamoDB Local built from template.yaml. */
class ExotelGreetingHandlerIT {
    private static final String INCIDENT = IncidentIds.forSource("exotel-call", "fd7a090139691d5ed3exxg");
    private static final String EXOTEL_RECORDING = "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/xx_0.mp3";
    private static LocalTemplate stack;
    private static WireMockServer recordings;
    private static Wiring wiring;
    private static ExotelGreetingHandler handler;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
        recordings = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        recordings.start();
        // Exotel's hosts plus a loopback stand-in whose recording is there for anyone who asks: the greeting still
        // hands out only our own copy's presigned URL.
        wiring = new Wiring(Env.of(stack.environmentOf("ExotelGreetingFunction", Map.of(
                "SOS_WEBHOOK_SECRET", "local-webhook-secret",
                "RECORDING_HOSTS", Settings.EXOTEL_RECORDING_HOSTS + "," + recordings.baseUrl() + "/rec/"))));
        handler = new ExotelGreetingHandler(wiring);
    }

    @AfterAll
    static void stop() {
        recordings.stop();
        stack.close();
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
        recordings.resetAll();
    }

    @ParameterizedTest
    @Event(value = "events/exotel-greeting.json", type = APIGatewayProxyRequestEvent.class)
    void playsOurCopyOfTheRecordingByAUrlThatNeedsNoCredentials(APIGatewayProxyRequestEvent event) throws Exception {
        raise(EXOTEL_RECORDING, Instant.parse("2021-07-16T10:17:25Z"));
        byte[] wav = "RIFF-our-copy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        stack.backends().s3().putObject(b -> b.bucket(stack.bucketName("RecordingsBucket")).key("recordings/" + INCIDENT + ".wav"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(wav));
        wiring.incidents().recordCopy(INCIDENT, "recordings/" + INCIDENT + ".wav");

        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsExactly(Map.entry("Content-Type", "text/plain"));
        assertThat(response.getBody()).contains("X-Amz-Signature=").doesNotContain("exotelrecordings");
        java.net.http.HttpResponse<byte[]> played = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(response.getBody())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(played.statusCode()).as("Exotel's player has no credentials").isEqualTo(200);
        assertThat(played.body()).isEqualTo(wav);
    }

    @ParameterizedTest
    @Event(value = "events/exotel-greeting-head.json", type = APIGatewayProxyRequestEvent.class)
    void headAnswersTheSameHeadersAsGet(APIGatewayProxyRequestEvent headEvent) {
        raise(EXOTEL_RECORDING, null);
        APIGatewayProxyResponseEvent get = handler.handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/exotel-greeting.json")), null);

        APIGatewayProxyResponseEvent head = handler.handleRequest(ApiEvents.of(headEvent), null);

        assertThat(head.getStatusCode()).isEqualTo(get.getStatusCode());
        assertThat(head.getHeaders()).isEqualTo(get.getHeaders());
        assertThat(head.getBody()).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/exotel-greeting-forged.json", type = APIGatewayProxyRequestEvent.class)
    void anUnknownCustomFieldGetsAGenericSpokenAlertNeverAnErrorOrItsUrl(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsExactly(Map.entry("Content-Type", "text/plain"));
        assertThat(response.getBody()).isEqualTo(SpokenText.generic(Language.EN)).doesNotContain("evil");
    }

    @Test
    void withoutARecordingItSpeaksTheSummary() {
        raise(null, null);

        assertThat(greeting().getBody()).startsWith("Emergency alert. Heart emergency, reported by Front desk at ");
    }

    @Test
    void untilOurCopyExistsItSpeaksTheSummaryNeverExotelsPrivateUrl() {
        String ready = recordings.baseUrl() + "/rec/ready.mp3";
        recordings.stubFor(head(urlEqualTo("/rec/ready.mp3")).willReturn(aResponse().withStatus(200)));

        raise(ready, Instant.now().minus(Duration.ofMinutes(5)));

        assertThat(greeting().getBody()).startsWith("Emergency alert. Heart emergency").doesNotContain("/rec/");
        stack.reset();
        raise(EXOTEL_RECORDING, Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(greeting().getBody()).startsWith("Emergency alert. Heart emergency").doesNotContain("exotelrecordings");
    }

    /** Issue 23: the secret and the "Ref" every text prints are not enough to hear the incident. */
    @Test
    void aCallSidWeDidNotPlaceOrOnePastItsTimeLimitGetsTheGenericTextNoRecordingNoReporter() throws Exception {
        raise(EXOTEL_RECORDING, Instant.parse("2021-07-16T10:17:25Z"));
        wiring.incidents().recordCopy(INCIDENT, "recordings/" + INCIDENT + ".wav");
        APIGatewayProxyRequestEvent notOurs = EventLoader.loadApiGatewayRestEvent("events/exotel-greeting.json");
        notOurs.getQueryStringParameters().put("CallSid", "someone-elses-call");
        notOurs.getMultiValueQueryStringParameters().put("CallSid", List.of("someone-elses-call"));
        APIGatewayProxyRequestEvent noCallSid = EventLoader.loadApiGatewayRestEvent("events/exotel-greeting.json");
        noCallSid.getQueryStringParameters().remove("CallSid");
        noCallSid.getMultiValueQueryStringParameters().remove("CallSid");
        APIGatewayProxyRequestEvent otherPerson = EventLoader.loadApiGatewayRestEvent("events/exotel-greeting.json");
        otherPerson.getQueryStringParameters().put("CustomField", INCIDENT + ":dr-iyer");
        otherPerson.getMultiValueQueryStringParameters().put("CustomField", List.of(INCIDENT + ":dr-iyer"));
        // Read beside the CallSid's look-up, the incident a CustomField names is used only when the CallSid's delivery is it.
        String elsewhere = "inc-zzzzzzzzzzzzzzzzzzzz";
        wiring.incidents().create(new Incident(elsewhere, new Trigger("exotel-call", "other-passthru", "Ward 9", Instant.now(), null, null),
                "Heart", null, new Recording(null, null, null),
                List.of(new Person("dr-rao", "Dr. Rao", "+919800000001", List.of(Channel.CALL))), List.of(), RetryPolicy.DEFAULT, null));
        APIGatewayProxyRequestEvent otherIncident = EventLoader.loadApiGatewayRestEvent("events/exotel-greeting.json");
        otherIncident.getQueryStringParameters().put("CustomField", elsewhere + ":dr-rao");
        otherIncident.getMultiValueQueryStringParameters().put("CustomField", List.of(elsewhere + ":dr-rao"));

        assertThat(greeting().getBody()).as("our call hears the recording").contains("X-Amz-Signature=");
        for (APIGatewayProxyRequestEvent forged : List.of(notOurs, noCallSid, otherPerson, otherIncident)) {
            APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(forged), null);
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(response.getBody()).isEqualTo(SpokenText.generic(Language.EN)).doesNotContain("Front desk", "Ward 9", "X-Amz");
        }
        placeCall(Duration.ofSeconds(30 + 600 + 120 + 5));
        assertThat(greeting().getBody()).as("past the call's time limit").isEqualTo(SpokenText.generic(Language.EN));
    }

    /** A callback that comes early: the call is answered before the worker has recorded the CallSid Exotel gave it. */
    @Test
    void aCallAnsweredBeforeItsCallSidIsRecordedStillHearsTheIncident() throws Exception {
        wiring.incidents().create(new Incident(INCIDENT,
                new Trigger("exotel-call", "fd7a090139691d5ed3exxg", "Front desk", Instant.now(), null, null), "Heart", null,
                new Recording(null, null, null),
                List.of(new Person("dr-rao", "Dr. Rao", "+919800000001", List.of(Channel.CALL))), List.of(), RetryPolicy.DEFAULT, null));
        sosrelay.delivery.DeliveryJob job = new sosrelay.delivery.DeliveryJob(INCIDENT, "dr-rao", "+919800000001", Channel.CALL, 1);
        sosrelay.delivery.DeliveryStore worker = new sosrelay.delivery.DeliveryStore(wiring.dynamo(), stack.tableName("IncidentsTable"),
                java.time.Clock.systemUTC(), Duration.ofSeconds(60));
        assertThat(worker.claim(job)).isInstanceOf(sosrelay.delivery.DeliveryStore.Claim.Granted.class);
        java.util.concurrent.CompletableFuture<Void> recorded = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker.accepted(job, "a1b2outbound0001");
        });

        assertThat(greeting().getBody()).startsWith("Emergency alert. Heart emergency, reported by Front desk at ");
        recorded.get();
    }

    @Test
    void aWrongSecretGetsNothing() {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/exotel-greeting.json");
        event.setPathParameters(Map.of("secret", "guess"));
        raise(EXOTEL_RECORDING, null);

        APIGatewayProxyResponseEvent response = handler.handleRequest(ApiEvents.of(event), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getBody()).doesNotContain("exotelrecordings");
    }

    private static APIGatewayProxyResponseEvent greeting() {
        return handler.handleRequest(ApiEvents.of(EventLoader.loadApiGatewayRestEvent("events/exotel-greeting.json")), null);
    }

    /** The call the fixtures' CallSid names, placed to dr-rao for the incident {@code ago}. */
    private static void placeCall(Duration ago) {
        new sosrelay.delivery.DeliveryStore(wiring.dynamo(), stack.tableName("IncidentsTable"),
                java.time.Clock.fixed(Instant.now().minus(ago), java.time.ZoneOffset.UTC), Duration.ofSeconds(60))
                .accepted(new sosrelay.delivery.DeliveryJob(INCIDENT, "dr-rao", "+919800000001", Channel.CALL, 1), "a1b2outbound0001");
    }

    private static void raise(String recordingUrl, Instant availableAt) {
        wiring.incidents().create(new Incident(INCIDENT,
                new Trigger("exotel-call", "fd7a090139691d5ed3exxg", "Front desk", Instant.now(), null, null), "Heart", null,
                new Recording(recordingUrl, availableAt, null),
                List.of(new Person("dr-rao", "Dr. Rao", "+919800000001", List.of(Channel.CALL))), List.of(), RetryPolicy.DEFAULT, null));
        placeCall(Duration.ofSeconds(20));
    }
}
