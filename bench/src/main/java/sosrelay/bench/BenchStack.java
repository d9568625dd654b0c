package sosrelay.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.web.FormEncoding;

/**
 * The local stack (in this JVM) with call-only recipients, one emergency type per group size
 * ({@code Ring20} rings the first 20), its Exotel pointed at the stand-in, and the pacer set as
 * {@code pacerEnvironment} says. The Passthru is driven over the stack's HTTP port, as Exotel drives it.
 */
public final class BenchStack implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final LocalRelay relay;
    private final Path directoryFile;

    private BenchStack(LocalRelay relay, Path directoryFile) {
        this.relay = relay;
        this.directoryFile = directoryFile;
    }

    public static BenchStack start(List<Integer> groupSizes, SlowExotel exotel, Map<String, String> pacerEnvironment) {
        Path directoryFile = writeDirectory(groupSizes);
        Map<String, String> environment = new HashMap<>(pacerEnvironment);
        environment.put("EXOTEL_API_BASE_URL", exotel.baseUrl());
        environment.put("EXOTEL_ACCOUNT_SID", SlowExotel.ACCOUNT_SID);
        environment.put("EXOTEL_API_KEY", SlowExotel.API_KEY);
        environment.put("EXOTEL_API_TOKEN", SlowExotel.API_TOKEN);
        environment.put("EXOTEL_CALLER_ID", "08047000000");
        environment.put("EXOTEL_FLOW_URL", "http://my.exotel.com/bench/exoml/start_voice/1");
        // The stand-in never calls back: keep the lost-callback check from asking it during a run.
        environment.put("EXOTEL_CALLBACK_GRACE_SECONDS", "3600");
        // Nor the Passthru's CallSid check, unless a section asks for it (the back-to-back row): the stand-in answers it.
        environment.putIfAbsent("PASSTHRU_CALL_CHECK", "off");
        // Recordings come from the stand-in (the back-to-back row's Passthrus carry one).
        environment.put("RECORDING_HOSTS", exotel.recordingHosts());
        // The SMS worker's settings (its people are call only): without them its function fails its init and no stack starts.
        environment.put("EXOTEL_SMS_FROM", "SOSRLY");
        environment.put("EXOTEL_DLT_ENTITY_ID", "1101000000000000001");
        environment.put("EXOTEL_DLT_TEMPLATE_ID", "1107000000000000001");
        LocalRelay relay = LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate())
                        .withContactsFile(directoryFile).withEnvironmentOverrides(environment),
                Map.of(), new PrintStream(PrintStream.nullOutputStream()));
        return new BenchStack(relay, directoryFile);
    }

    public LocalRelay relay() {
        return relay;
    }

    public URI baseUrl() {
        return relay.stack().baseUrl();
    }

    /** The emergency type that rings the first {@code people} of the directory. */
    public static String typeFor(int people) {
        return "Ring" + people;
    }

    /** Exotel's Passthru for an emergency of {@code type}; the incident's id (the answer is {@code OK <id>}). */
    public String passthruIncident(String callSid, String type) {
        return passthruIncident(Map.of("CallSid", callSid, "CallFrom", "0932419xx", "EmergencyType", type));
    }

    /**
     * As Exotel sends it after a voicemail: from the stand-in's {@link SlowExotel#CALLER}, with the recording's URL and
     * {@code RecordingAvailableBy} now, so the copy starts as the fan-out does; the incident's id.
     */
    public String passthruWithRecording(String callSid, String type, SlowExotel exotel) {
        String now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Kolkata"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        return passthruIncident(Map.of("CallSid", callSid, "CallFrom", SlowExotel.CALLER, "EmergencyType", type,
                "RecordingUrl", exotel.recordingUrl(callSid), "RecordingAvailableBy", now, "StartTime", now));
    }

    private String passthruIncident(Map<String, String> parameters) {
        String callSid = parameters.get("CallSid");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/exotel/" + LocalRelay.LOCAL_SECRET + "/passthru?"
                + FormEncoding.encode(parameters))).GET().build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().startsWith("OK ")) {
                throw new IllegalStateException("the Passthru answered " + answer.statusCode() + " (" + answer.body() + ") for " + callSid);
            }
            return answer.body().substring("OK ".length()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Exotel's Passthru for an emergency of {@code type}; the status code of the answer. */
    public int passthru(String callSid, String type) {
        String query = FormEncoding.encode(Map.of("CallSid", callSid, "CallFrom", "0932419xx", "EmergencyType", type,
                "StartTime", "2021-07-16 15:41:28"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/exotel/" + LocalRelay.LOCAL_SECRET + "/passthru?" + query))
                .GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when both call queues (normal and urgent) hold nothing: visible, in flight, or delayed. */
    public boolean callQueueEmpty() {
        return queueEmpty("CallJobsQueue") && queueEmpty("UrgentCallJobsQueue");
    }

    private boolean queueEmpty(String queue) {
        String url = relay.stack().resources().requireQueue(queue).url();
        return relay.stack().sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes().values().stream().allMatch("0"::equals);
    }

    /** Polls every 5 ms; fails the benchmark rather than hang when {@code limit} passes. */
    public static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + limit.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Call-only people, one attempt each (no retries in a timing run), one tier per type. */
    private static Path writeDirectory(List<Integer> groupSizes) {
        int people = groupSizes.stream().mapToInt(Integer::intValue).max().orElse(1);
        String persons = IntStream.range(0, people).mapToObj(i -> String.format(
                "  - {id: p%04d, name: Person %d, phone: \"+9198760%05d\", channels: [call]}", i, i, i))
                .collect(Collectors.joining("\n"));
        String types = groupSizes.stream().map(size -> "  " + typeFor(size) + ":\n    retry: {attempts: 1, after: 1m}\n"
                + "    tiers:\n      - notify: [" + IntStream.range(0, size).mapToObj(i -> String.format("p%04d", i))
                .collect(Collectors.joining(", ")) + "]\n").collect(Collectors.joining());
        String yaml = "defaultType: " + typeFor(groupSizes.get(0)) + "\npeople:\n" + persons + "\ntypes:\n" + types;
        try {
            Path file = Files.createTempFile("sos-bench-directory-", ".yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            relay.close();
        } finally {
            try {
                Files.deleteIfExists(directoryFile);
            } catch (IOException e) {
                System.err.println("could not delete " + directoryFile + ": " + e);
            }
        }
    }
}
