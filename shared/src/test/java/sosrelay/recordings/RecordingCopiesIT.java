package sosrelay.recordings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.directory.RetryPolicy;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Recording;
import sosrelay.incident.RecordingPolicy;
import sosrelay.incident.Timeline;
import sosrelay.incident.Trigger;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.timers.TimerJob;
import sosrelay.timers.Timers;

/** Exotel as WireMock (its recordings behind Basic auth); the incident, the timers and the copy on the local backends. */
class RecordingCopiesIT {
    private static final String ID = "inc-aaaaaaaaaaaaaaaaaaaa";
    private static final String PATH = "/exotelrecordings/acme/abc.mp3";
    private static final byte[] AUDIO = "ID3 voicemail".getBytes(StandardCharsets.UTF_8);
    /** An hour ago: every later try is due already, so the timers queue holds it visible at once. */
    private static final Instant DUE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final String BASIC = "Basic " + java.util.Base64.getEncoder().encodeToString("key:token".getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static final WireMockExtension exotel = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();
    private static LocalTemplate stack;
    private static IncidentStore incidents;
    private static RecordingsBucket bucket;
    private RecordingCopies copies;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
        incidents = new IncidentStore(stack.backends().dynamoDb(), stack.tableName("IncidentsTable"), Clock.systemUTC(), Duration.ofSeconds(30));
        bucket = new RecordingsBucket(stack.backends()::s3, stack.backends().s3Presigner(), stack.bucketName("RecordingsBucket"),
                Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void setUp() {
        stack.reset();
        copies = new RecordingCopies(incidents, new Timers(stack.backends().sqs(), stack.queueUrl("TimersQueue"), Clock.systemUTC()),
                new Timeline(stack.backends().dynamoDb(), stack.tableName("IncidentsTable"), Clock.systemUTC()),
                RecordingPolicy.of(exotel.baseUrl() + "/exotelrecordings/"),
                new ExotelRecordingFetch(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), "key", () -> "token",
                        Duration.ofSeconds(5), 1000), bucket);
        incidents.create(incident(exotel.baseUrl() + PATH));
    }

    @Test
    void theFirstTryIsWhenExotelSaidAndWithoutADueTimeFiveMinutesAfterTheIncident() {
        assertThat(RecordingCopies.firstTry(incident(exotel.baseUrl() + PATH), Instant.EPOCH))
                .contains(TimerJob.recordingFetch(DUE, ID, 1));
        Incident noTime = new Incident(ID, trigger(), "Heart", null, new Recording(exotel.baseUrl() + PATH, null, null),
                List.of(), List.of(), RetryPolicy.DEFAULT, null);
        assertThat(RecordingCopies.firstTry(noTime, DUE)).contains(TimerJob.recordingFetch(DUE.plus(Duration.ofMinutes(5)), ID, 1));
        assertThat(RecordingCopies.firstTry(new Incident(ID, trigger(), "Heart", null, Recording.NONE, List.of(), List.of(),
                RetryPolicy.DEFAULT, null), DUE)).isEmpty();
    }

    @Test
    void fetchesWithTheAccountsCredentialsAndKeepsTheCopyWhichAPresignedUrlPlays() throws Exception {
        exotel.stubFor(get(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo(BASIC))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg").withBody(AUDIO)));

        copies.fire(TimerJob.recordingFetch(DUE, ID, 1));

        String key = incidents.find(ID).orElseThrow().recording().copyKey();
        assertThat(key).isEqualTo("recordings/" + ID + "/original.mp3");
        var played = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(bucket.presignedGet(key).toURI()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(played.statusCode()).isEqualTo(200);
        assertThat(played.body()).isEqualTo(AUDIO);
        assertThat(stack.drainQueue("TimersQueue")).isEmpty();
    }

    @Test
    void anMp3IsKeptAsItCameAndAsTheEightKilohertzWavThatPlays() throws Exception {
        byte[] mp3 = WavCopyTest.toneMp3();
        exotel.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg").withBody(mp3)));
        copies = new RecordingCopies(incidents, new Timers(stack.backends().sqs(), stack.queueUrl("TimersQueue"), Clock.systemUTC()),
                new Timeline(stack.backends().dynamoDb(), stack.tableName("IncidentsTable"), Clock.systemUTC()),
                RecordingPolicy.of(exotel.baseUrl() + "/exotelrecordings/"),
                new ExotelRecordingFetch(HttpClient.newHttpClient(), "key", () -> "token", Duration.ofSeconds(5), 100_000),
                bucket);

        copies.fire(TimerJob.recordingFetch(DUE, ID, 1));

        assertThat(incidents.find(ID).orElseThrow().recording().copyKey()).isEqualTo("recordings/" + ID + "/8khz-mono.wav");
        var wav = stack.backends().s3().getObjectAsBytes(g -> g.bucket(stack.bucketName("RecordingsBucket")).key("recordings/" + ID + "/8khz-mono.wav"));
        assertThat(wav.response().contentType()).isEqualTo("audio/wav");
        assertThat(wav.asByteArray()).isEqualTo(WavCopy.fromMp3(mp3).orElseThrow());
        assertThat(stack.backends().s3().getObjectAsBytes(g -> g.bucket(stack.bucketName("RecordingsBucket"))
                .key("recordings/" + ID + "/original.mp3")).asByteArray()).isEqualTo(mp3);
    }

    @Test
    void notThereYetIsTriedAgainBackingOffUntilFifteenMinutesAfterTheDueTimeThenGivenUp() {
        exotel.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)));

        copies.fire(TimerJob.recordingFetch(DUE, ID, 1));
        assertThat(stack.drainQueue("TimersQueue")).map(TimerJob::fromJson)
                .containsExactly(TimerJob.recordingFetch(DUE.plus(Duration.ofMinutes(1)), ID, 2));

        copies.fire(TimerJob.recordingFetch(DUE.plus(Duration.ofMinutes(8)), ID, 5));
        assertThat(stack.drainQueue("TimersQueue")).map(TimerJob::fromJson)
                .containsExactly(TimerJob.recordingFetch(DUE.plus(Duration.ofMinutes(15)), ID, 6));

        copies.fire(TimerJob.recordingFetch(DUE.plus(Duration.ofMinutes(15)), ID, 6));
        assertThat(stack.drainQueue("TimersQueue")).as("given up at the sixth try, 15 minutes after the due time").isEmpty();
        assertThat(incidents.find(ID).orElseThrow().recording().copyKey()).isNull();
    }

    @Test
    void aRedirectIsNeverFollowedAndATooLargeRecordingNeverKept() {
        exotel.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(302).withHeader("Location", exotel.baseUrl() + "/elsewhere")));
        copies.fire(TimerJob.recordingFetch(DUE, ID, 1));
        exotel.verify(0, getRequestedFor(urlPathEqualTo("/elsewhere")));
        assertThat(stack.drainQueue("TimersQueue")).as("a redirect is an answer, not a delay").isEmpty();

        exotel.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(new byte[1001])));
        copies.fire(TimerJob.recordingFetch(DUE, ID, 1));
        assertThat(incidents.find(ID).orElseThrow().recording().copyKey()).isNull();
        assertThat(stack.drainQueue("TimersQueue")).isEmpty();
    }

    @Test
    void aUrlOffTheAllowListIsNeverSentTheCredentials() {
        incidents.create(new Incident("inc-bbbbbbbbbbbbbbbbbbbb", trigger(), "Heart", null,
                new Recording(exotel.baseUrl() + "/other/abc.mp3", DUE, null), List.of(), List.of(), RetryPolicy.DEFAULT, null));

        copies.fire(TimerJob.recordingFetch(DUE, "inc-bbbbbbbbbbbbbbbbbbbb", 1));

        exotel.verify(0, getRequestedFor(urlPathEqualTo("/other/abc.mp3")));
    }

    private static Incident incident(String url) {
        return new Incident(ID, trigger(), "Heart", null, new Recording(url, DUE, null), List.of(), List.of(), RetryPolicy.DEFAULT, null);
    }

    private static Trigger trigger() {
        return new Trigger("exotel-call", "sid", "Front desk", DUE, null, null);
    }
}
