package sosrelay.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sosrelay.directory.RetryPolicy;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Recording;
import sosrelay.incident.Trigger;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.pacing.SteppedClock;
import sosrelay.recordings.RecordingsBucket;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;

/** The links' items on DynamoDB Local and our copy in S3Proxy, from template.yaml; time moved by the test. */
class RecordingLinksIT {
    private static final String ID = "inc-aaaaaaaaaaaaaaaaaaaa";
    private static final String BASE = "https://sos.example.in/Prod";
    private static final byte[] WAV = "RIFF an 8 kHz copy".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static LocalTemplate stack;
    private static IncidentStore incidents;
    private static RecordingsBucket bucket;
    private final SteppedClock clock = new SteppedClock(T0.toEpochMilli());
    private RecordingLinks links;
    private RecordingLinkWebhook webhook;

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
        links = new RecordingLinks(stack.backends().dynamoDb(), stack.tableName("IncidentsTable"), clock, Duration.ofHours(24), BASE + "/");
        webhook = new RecordingLinkWebhook(links, incidents, bucket, clock);
        incidents.create(new Incident(ID, new Trigger("exotel-call", "abc", "09324190000", T0, null, null), "Heart", null,
                new Recording("https://recordings.exotel.com/acme/abc.mp3", null, null), List.of(), List.of(), RetryPolicy.DEFAULT, null));
    }

    @Test
    void onePersonKeepsOneUnguessableLinkAcrossRetriesAndChannels() {
        String first = links.link(ID, "dr-rao");
        String again = links.link(ID, "dr-rao");
        String other = links.link(ID, "dr-iyer");

        assertThat(first).isEqualTo(again).startsWith(BASE + "/r/").doesNotContain("//r/");
        String token = first.substring((BASE + "/r/").length());
        assertThat(token).hasSize(22).matches("[A-Za-z0-9]+").hasSizeLessThanOrEqualTo(30);
        assertThat(other).isNotEqualTo(first);
        assertThat(links.find(token)).hasValueSatisfying(holder -> {
            assertThat(holder.incidentId()).isEqualTo(ID);
            assertThat(holder.personId()).isEqualTo("dr-rao");
            assertThat(holder.validUntil()).isEqualTo(T0.plus(Duration.ofHours(24)));
        });
        assertThat(links.noRecording()).isEqualTo(BASE + "/r/none");
    }

    @Test
    void tokensAreDrawnFreshNotDerived() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(RecordingLinks.newToken());
        }
        assertThat(tokens).hasSize(1000).allSatisfy(token -> assertThat(RecordingLinks.isToken(token)).isTrue());
        assertThat(RecordingLinks.isToken("none")).isFalse();
        assertThat(RecordingLinks.isToken("../../etc/passwd/aaaaaa")).isFalse();
    }

    @Test
    void aLinkPlaysOurCopyThroughAFreshPresignedUrlWithoutCredentials() throws Exception {
        String token = token(links.link(ID, "dr-rao"));
        assertThat(get(token).status()).as("no copy yet").isEqualTo(503);
        stack.backends().s3().putObject(p -> p.bucket(stack.bucketName("RecordingsBucket")).key("recordings/" + ID + "/8khz-mono.wav"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(WAV));
        incidents.recordCopy(ID, "recordings/" + ID + "/8khz-mono.wav");

        WebResponse answer = get(token);

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.headers()).containsEntry("Cache-Control", "no-store");
        String location = answer.headers().get("Location");
        assertThat(location).startsWith(stack.backends().s3Endpoint().toString()).contains("X-Amz-Signature=", "X-Amz-Expires=300")
                .doesNotContain("exotel");
        HttpResponse<byte[]> played = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(played.statusCode()).isEqualTo(200);
        assertThat(played.body()).isEqualTo(WAV);

        WebResponse head = webhook.handle(request("HEAD", token));
        assertThat(head.status()).isEqualTo(302);
        assertThat(head.headers()).containsKey("Location");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void untilItsCopyExistsALinkSaysSoInAPlainLineThatNoCacheKeeps() {
        WebResponse answer = get(token(links.link(ID, "dr-rao")));

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers()).containsEntry("Retry-After", "60").containsEntry("Cache-Control", "no-store")
                .containsEntry("Content-Type", "text/plain; charset=utf-8");
        assertThat(answer.body()).isEqualTo(RecordingLinkWebhook.NOT_READY).doesNotContain(ID, "dr-rao", "http");
    }

    @Test
    void anExpiredLinkIsRefusedAndARetryAfterItTextsANewOne() {
        incidents.recordCopy(ID, "recordings/" + ID + "/8khz-mono.wav");
        String token = token(links.link(ID, "dr-rao"));
        clock.set(T0.plus(Duration.ofHours(24)).toEpochMilli());

        WebResponse answer = get(token);

        assertThat(answer.status()).isEqualTo(410);
        assertThat(answer.body()).isEqualTo(RecordingLinkWebhook.EXPIRED);
        assertThat(answer.headers()).doesNotContainKey("Location");
        String renewed = token(links.link(ID, "dr-rao"));
        assertThat(renewed).isNotEqualTo(token);
        assertThat(get(renewed).status()).isEqualTo(302);
    }

    @Test
    void unknownTokensAndTheNoRecordingLinkNameNothing() {
        for (String token : List.of("q0fP5Zr8sT2vW4xY6zA1bQ", "short", "none", "%2e%2e", "")) {
            WebResponse answer = get(token);
            assertThat(answer.status()).as(token).isEqualTo(404);
            assertThat(answer.body()).doesNotContain(ID).doesNotContain("recordings/");
        }
        assertThat(get("none").body()).isEqualTo(RecordingLinkWebhook.NO_RECORDING);
        assertThat(webhook.handle(new WebRequest("GET", Map.of(), Map.of(), Map.of(), null, false, null)).status())
                .as("no token at all (the priming request)").isEqualTo(404);
    }

    private WebResponse get(String token) {
        return webhook.handle(request("GET", token));
    }

    private static WebRequest request(String method, String token) {
        return new WebRequest(method, Map.of("token", token), Map.of(), Map.of(), null, false, null);
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
