package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosrelay.incident.ExotelTimes;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.iam.AccessDenial;
import sosrelay.local.sandbox.CallProgress;
import sosrelay.local.sandbox.SandboxExotel;
import sosrelay.local.sandbox.SandboxGupShup;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 10's recordings, end to end on the local stack: the sandbox serves its recordings privately, as
 * Exotel does; the timer fetches the caller's with the account's credentials into our bucket (S3Proxy);
 * a later call's greeting answers a presigned URL that plays without any credentials, and so does the link every
 * SMS and WhatsApp carries, the deployment's own (issue 10, items 1 and 2).
 */
class RecordingsIT {
    private static final byte[] AUDIO = "ID3 a caller's voicemail, as Exotel keeps it".getBytes(StandardCharsets.UTF_8);
    private static final DateTimeFormatter EXOTEL_TIME = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss", Locale.ENGLISH)
            .withZone(ExotelTimes.IST);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void thePrivateRecordingIsCopiedAndALaterGreetingPlaysItWithoutCredentials() throws Exception {
        try (LocalRelay relay = LocalHttp.demoRelayForMadeUpCallSids()) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            // Heart retries after 30 s: by then the copy exists, and the second call's greeting plays it.
            String drRao = relay.directory().people().get("dr-rao").phone();
            exotel.script(drRao, List.of("no-answer", "answer"));
            String exotelUrl = exotel.recordingUrl("rec-copied.mp3");
            exotel.addRecording("rec-copied.mp3", AUDIO, "audio/mpeg");
            assertThat(plainGet(exotelUrl).statusCode()).as("Exotel's URL without the account's credentials").isEqualTo(401);

            String incidentId = passthru(relay, "rec-copied", exotelUrl);

            LocalHttp.await("the copy to be recorded on the incident", Duration.ofSeconds(30),
                    () -> copyKey(relay, incidentId) != null);
            assertThat(copyKey(relay, incidentId)).isEqualTo("recordings/" + incidentId + "/original.mp3");
            assertThat(relay.stack().backends().s3().getObjectAsBytes(g -> g.bucket(bucket(relay)).key(copyKey(relay, incidentId)))
                    .asByteArray()).isEqualTo(AUDIO);

            String playUrl = greetingFor(relay, incidentId, "dr-rao", heard -> heard.contains("X-Amz-Signature="));
            assertThat(playUrl).startsWith(relay.stack().backends().s3Endpoint().toString()).contains("X-Amz-Signature=")
                    .doesNotContain("exotelrecordings");
            HttpResponse<byte[]> played = HTTP.send(HttpRequest.newBuilder(URI.create(playUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(played.statusCode()).isEqualTo(200);
            assertThat(played.body()).isEqualTo(AUDIO);
            assertThat(plainGet(relay.stack().backends().s3Endpoint() + "/" + bucket(relay) + "/" + copyKey(relay, incidentId))
                    .statusCode()).as("the bucket itself, unsigned").isEqualTo(403);

            LocalHttp.await("dr-rao's retry to pick up and play the recording", Duration.ofSeconds(60),
                    () -> exotel.calls().stream().anyMatch(c -> c.from().equals(drRao) && c.played() != null));
            SandboxExotel.PlacedCall retry = exotel.calls().stream().filter(c -> c.from().equals(drRao) && c.played() != null)
                    .findFirst().orElseThrow();
            assertThat(retry.heard()).startsWith(relay.stack().backends().s3Endpoint().toString());
            assertThat(retry.played()).isEqualTo(new CallProgress.Played(200, "audio/mpeg", AUDIO.length));
            assertThat(exotel.calls()).filteredOn(c -> c.from().equals(drRao)).hasSize(2)
                    .first().satisfies(first -> assertThat(first.played()).as("nobody picked up the first call").isNull());
        }
    }

    @Test
    void untilTheCopyExistsTheGreetingSpeaksTheSummaryNeverExotelsUrl() throws Exception {
        try (LocalRelay relay = LocalHttp.demoRelayForMadeUpCallSids()) {
            String exotelUrl = relay.sandbox().orElseThrow().recordingUrl("rec-not-yet.mp3");
            String incidentId = passthru(relay, "rec-not-yet", exotelUrl);

            String greeting = greetingFor(relay, incidentId, "dr-rao", heard -> heard.startsWith("Emergency alert."));

            assertThat(greeting).startsWith("Emergency alert. Heart emergency").doesNotContain("exotelrecordings", "http");
            Thread.sleep(3000);
            assertThat(copyKey(relay, incidentId)).as("Exotel answered 404: not there yet, tried again later").isNull();
        }
    }

    @Test
    void aDevicesRecordingPlaysOnlyFromOurBucketAndAnyOtherIsRefusedWithTheIncidentRaised() throws Exception {
        try (LocalRelay relay = LocalHttp.demoRelayForMadeUpCallSids()) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            exotel.addRecording("rec-device.mp3", AUDIO, "audio/mpeg");
            String exotelUrl = exotel.recordingUrl("rec-device.mp3");

            String refused = deviceIncident(relay, "dev-rec-1", exotelUrl);
            String earlier = deviceIncident(relay, "dev-rec-0", "s3://" + bucket(relay) + "/recordings/inc-aaaaaaaaaaaaaaaaaaaa/8khz-mono.wav");
            String earlierCopy = "recordings/" + earlier + "/8khz-mono.wav";
            String ours = deviceIncident(relay, "dev-rec-2", "s3://" + bucket(relay) + "/" + earlierCopy);
            // Issue 23, item 7: another key (here the operator's) cannot borrow that copy, nor anyone a Passthru's.
            String borrowed = deviceIncident(relay, LocalRelay.LOCAL_OPERATOR_KEY, "dev-rec-3", "s3://" + bucket(relay) + "/" + earlierCopy);

            assertThat(incidentItem(relay, refused)).doesNotContainKeys("recordingUrl", "recordingCopyKey");
            assertThat(incidentItem(relay, refused).get("recordingNote").s()).isEqualTo("recording URL refused: a device's recording "
                    + "plays only from our recordings bucket, as s3://" + bucket(relay) + "/recordings/…");
            assertThat(copyKey(relay, earlier)).as("no incident raised inc-aaaa… with this key").isNull();
            assertThat(copyKey(relay, ours)).isEqualTo(earlierCopy);
            assertThat(copyKey(relay, borrowed)).isNull();
            assertThat(incidentItem(relay, borrowed).get("recordingNote").s()).isEqualTo("recording URL refused: " + earlierCopy
                    + " was not written for an incident this API key raised");
            LocalHttp.await("a call for the device's incident to hear its greeting", Duration.ofSeconds(30),
                    () -> exotel.calls().stream().anyMatch(c -> c.customField().startsWith(ours + ":") && c.heard() != null));
            assertThat(exotel.calls().stream().filter(c -> c.customField().startsWith(ours + ":") && c.heard() != null).findFirst()
                    .orElseThrow().heard()).contains("/" + bucket(relay) + "/" + earlierCopy + "?").contains("X-Amz-Signature=");
            Thread.sleep(2000);
            assertThat(copyKey(relay, refused)).as("a refused URL is never fetched").isNull();
        }
    }

    private static String deviceIncident(LocalRelay relay, String dedupKey, String recordingUrl) {
        return deviceIncident(relay, LocalRelay.LOCAL_API_KEY, dedupKey, recordingUrl);
    }

    private static String deviceIncident(LocalRelay relay, String apiKey, String dedupKey, String recordingUrl) {
        HttpResponse<String> response = LocalHttp.postJson(relay.stack().baseUrl(), "/v1/incidents", apiKey,
                sosrelay.json.Json.write(Map.of("type", "Heart", "message", "Code Blue", "dedupKey", dedupKey, "recordingUrl", recordingUrl)));
        assertThat(response.statusCode()).isEqualTo(202);
        return String.valueOf(sosrelay.json.Json.readObject(response.body()).get("incidentId"));
    }

    @Test
    void withoutPutObjectOnTheBucketTheTimerCannotKeepTheCopy(@TempDir Path dir) throws IOException {
        String original = Files.readString(sosrelay.local.backends.LocalTemplate.findTemplate());
        String line = """
                        - Statement:
                            - Effect: Allow
                              Action: s3:PutObject
                              Resource: !Sub ${RecordingsBucket.Arn}/*
                """;
        assertThat(original).contains(line);
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, original.replace(line, ""));
        try (LocalRelay relay = LocalRelay.start(LocalHttp.madeUpCallSids(LocalStackOptions.forTemplate(template)), Map.of(),
                new java.io.PrintStream(java.io.PrintStream.nullOutputStream()))) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            exotel.addRecording("rec-denied.mp3", AUDIO, "audio/mpeg");
            String incidentId = passthru(relay, "rec-denied", exotel.recordingUrl("rec-denied.mp3"));

            LocalHttp.await("the copy to be refused", Duration.ofSeconds(30), () -> !relay.stack().accessDenials().all().isEmpty());
            AccessDenial denial = relay.stack().accessDenials().all().get(0);
            assertThat(denial.function()).isEqualTo("TimerFunction");
            assertThat(denial.action()).isEqualTo("s3:PutObject");
            assertThat(denial.resource()).isEqualTo("arn:aws:s3:::recordingsbucket/recordings/" + incidentId + "/original.mp3");
            assertThat(copyKey(relay, incidentId)).isNull();
        }
    }

    @Test
    void textsCarryOnlyTheDeploymentsOwnLinkWhichPlaysOurCopyWithoutCredentials() throws Exception {
        try (LocalRelay relay = LocalHttp.demoRelayForMadeUpCallSids()) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            SandboxGupShup gupShup = relay.sandboxGupShup().orElseThrow();
            String exotelUrl = exotel.recordingUrl("rec-linked.mp3");
            exotel.addRecording("rec-linked.mp3", AUDIO, "audio/mpeg");
            String incidentId = passthru(relay, "rec-linked", exotelUrl);

            LocalHttp.await("dr-rao's SMS and WhatsApp", Duration.ofSeconds(30), () -> sms(exotel, incidentId).isPresent()
                    && gupShup.messages().stream().anyMatch(m -> m.msg().contains(incidentId)));
            String smsBody = sms(exotel, incidentId).orElseThrow().body();
            String whatsApp = gupShup.messages().stream().filter(m -> m.msg().contains(incidentId)).findFirst().orElseThrow().msg();
            String ownLink = "^" + java.util.regex.Pattern.quote(relay.stack().baseUrl() + "/r/") + "[A-Za-z0-9]{22}$";
            assertThat(urls(smsBody)).as("the SMS's only URL: ours").singleElement().asString().matches(ownLink);
            assertThat(urls(whatsApp)).as("WhatsApp carries the same link").isEqualTo(urls(smsBody));
            assertThat(smsBody + whatsApp).doesNotContain(exotelUrl).doesNotContain("exotelrecordings");
            String link = urls(smsBody).get(0);

            LocalHttp.await("the copy to be recorded on the incident", Duration.ofSeconds(30), () -> copyKey(relay, incidentId) != null);
            HttpResponse<String> redirect = plainGet(link);
            assertThat(redirect.statusCode()).as("GET on the link, no credentials").isEqualTo(302);
            String location = redirect.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(relay.stack().backends().s3Endpoint().toString()).contains("X-Amz-Signature=")
                    .contains(copyKey(relay, incidentId)).doesNotContain("rec-linked");
            HttpResponse<byte[]> played = HTTP.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(played.statusCode()).isEqualTo(200);
            assertThat(played.body()).isEqualTo(AUDIO);
            HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create(link)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(302);
            assertThat(head.headers().firstValue("Location")).isPresent();

            LocalHttp.await("the SMS's DLT report (the link's domain is whitelisted)", Duration.ofSeconds(30),
                    () -> "sent".equals(smsState(relay, incidentId)) || "failed".equals(smsState(relay, incidentId)));
            assertThat(smsState(relay, incidentId)).isEqualTo("sent");
        }
    }

    @Test
    void unknownAndExpiredLinksAreRefusedNamingNothing() throws Exception {
        try (LocalRelay relay = LocalHttp.demoRelayForMadeUpCallSids()) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            String incidentId = passthru(relay, "rec-expired", exotel.recordingUrl("rec-expired.mp3"));
            LocalHttp.await("dr-rao's SMS", Duration.ofSeconds(30), () -> sms(exotel, incidentId).isPresent());
            String link = urls(sms(exotel, incidentId).orElseThrow().body()).get(0);
            String token = link.substring(link.lastIndexOf('/') + 1);

            HttpResponse<String> unknown = plainGet(relay.stack().baseUrl() + "/r/q0fP5Zr8sT2vW4xY6zA1bQ");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Location")).isEmpty();
            // As if a day had passed: the item's own validity, which the function checks (the TTL deletes it later).
            relay.stack().dynamoDb().updateItem(u -> u.tableName(relay.stack().resources().tableName("IncidentsTable").orElseThrow())
                    .key(Map.of("pk", AttributeValue.fromS("LINK#" + token), "sk", AttributeValue.fromS("LINK")))
                    .updateExpression("SET validUntil = :past")
                    .expressionAttributeValues(Map.of(":past", AttributeValue.fromN(Long.toString(System.currentTimeMillis() - 1)))));

            HttpResponse<String> expired = plainGet(link);

            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.headers().firstValue("Location")).isEmpty();
            assertThat(unknown.body() + expired.body()).doesNotContain(incidentId).doesNotContain("dr-rao").doesNotContain("http");
        }
    }

    private static java.util.Optional<SandboxExotel.SentSms> sms(SandboxExotel exotel, String incidentId) {
        return exotel.smsMessages().stream().filter(m -> m.form().getOrDefault("CustomField", "").startsWith(incidentId + ":dr-rao"))
                .findFirst();
    }

    private static List<String> urls(String text) {
        return java.util.regex.Pattern.compile("https?://\\S+").matcher(text).results().map(java.util.regex.MatchResult::group).toList();
    }

    private static String smsState(LocalRelay relay, String incidentId) {
        Map<String, AttributeValue> item = relay.stack().dynamoDb().getItem(g -> g.tableName(relay.stack().resources()
                .tableName("IncidentsTable").orElseThrow()).key(Map.of("pk", AttributeValue.fromS("INC#" + incidentId),
                "sk", AttributeValue.fromS("DEL#dr-rao#sms")))).item();
        return item.containsKey("state") ? item.get("state").s() : null;
    }

    /** A Passthru whose recording Exotel says is ready now, as Exotel sends it. */
    private static String passthru(LocalRelay relay, String callSid, String recordingUrl) {
        Map<String, String> query = LocalHttp.exotelPassthru(callSid, "Heart");
        query.put("RecordingUrl", recordingUrl);
        query.put("RecordingAvailableBy", EXOTEL_TIME.format(Instant.now()));
        HttpResponse<String> response = LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/passthru", query);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().substring("OK ".length());
    }

    /**
     * The greeting as Exotel asks it during {@code personId}'s call (the greeting answers only a CallSid we placed),
     * once it says what {@code expected} wants: our CallSid mapping is written just after Exotel takes the call.
     */
    private static String greetingFor(LocalRelay relay, String incidentId, String personId, java.util.function.Predicate<String> expected) {
        SandboxExotel exotel = relay.sandbox().orElseThrow();
        String[] heard = new String[1];
        LocalHttp.await(personId + "'s call to be placed and its greeting to answer", Duration.ofSeconds(30), () -> {
            String callSid = exotel.calls().stream().filter(c -> c.customField().equals(incidentId + ":" + personId))
                    .map(SandboxExotel.PlacedCall::sid).findFirst().orElse(null);
            heard[0] = callSid == null ? null : LocalHttp.get(relay.stack().baseUrl(), "/exotel/local-webhook-secret/greeting",
                    Map.of("CallSid", callSid, "From", "+919800000001", "To", "08047000000", "CustomField", incidentId + ":" + personId))
                    .body().strip();
            return heard[0] != null && expected.test(heard[0]);
        });
        return heard[0];
    }

    private static String copyKey(LocalRelay relay, String incidentId) {
        Map<String, AttributeValue> item = incidentItem(relay, incidentId);
        return item.containsKey("recordingCopyKey") ? item.get("recordingCopyKey").s() : null;
    }

    private static Map<String, AttributeValue> incidentItem(LocalRelay relay, String incidentId) {
        return relay.stack().dynamoDb().getItem(g -> g.tableName(relay.stack().resources()
                .tableName("IncidentsTable").orElseThrow()).key(Map.of("pk", AttributeValue.fromS("INC#" + incidentId),
                "sk", AttributeValue.fromS("INCIDENT")))).item();
    }

    private static String bucket(LocalRelay relay) {
        return relay.stack().resources().bucketName("RecordingsBucket").orElseThrow();
    }

    private static HttpResponse<String> plainGet(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
