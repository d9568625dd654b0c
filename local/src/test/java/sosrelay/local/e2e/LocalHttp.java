package sosrelay.local.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import sosrelay.web.FormEncoding;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Requests to the local stack's HTTP port, as Exotel would make them. */
final class LocalHttp {
    /**
     * Exotel's documented Passthru request, with its CallSid and type replaceable; its recording in the sandbox
     * account's folder, the only one of Exotel's folders the sandbox stack's allow-list takes.
     */
    static Map<String, String> exotelPassthru(String callSid, String emergencyType) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("CallSid", callSid);
        query.put("CallFrom", "0932419xx");
        query.put("CallTo", "0224xx");
        query.put("Direction", "incoming");
        query.put("Created", "Fri, 16 Jul 2021 15:41:28");
        query.put("RecordingUrl", "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/sandbox/xx_0.mp3");
        query.put("StartTime", "2021-07-16 15:41:28");
        query.put("CallType", "voicemail");
        query.put("RecordingAvailableBy", "Fri, 16 Jul 2021 15:47:25");
        query.put("EmergencyType", emergencyType);
        return query;
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The people a type rings first (the demo's Heart: the twenty of the README). */
    static java.util.List<sosrelay.directory.Person> firstTier(sosrelay.directory.Directory directory, String type) {
        return directory.types().get(type).tiers().get(0).notifyIds().stream().map(directory.people()::get).toList();
    }

    private LocalHttp() {
    }

    /** The local stack as the README starts it (demo directory, sandbox Exotel and GupShup), printing nothing. */
    static sosrelay.local.LocalRelay demoRelay() {
        return sosrelay.local.LocalRelay.start(sosrelay.local.LocalStackOptions.forTemplate(sosrelay.local.backends.LocalTemplate.findTemplate()),
                Map.of(), new java.io.PrintStream(java.io.PrintStream.nullOutputStream()));
    }

    /** The demo stack for a test that replays Passthrus with made-up CallSids ({@link #madeUpCallSids}). */
    static sosrelay.local.LocalRelay demoRelayForMadeUpCallSids() {
        return sosrelay.local.LocalRelay.start(madeUpCallSids(sosrelay.local.LocalStackOptions.forTemplate(
                sosrelay.local.backends.LocalTemplate.findTemplate())), Map.of(), new java.io.PrintStream(java.io.PrintStream.nullOutputStream()));
    }

    /** As {@link #demoRelayForMadeUpCallSids}, with the directory of a test resource ({@code "/busy-directory.yaml"}). */
    static sosrelay.local.LocalRelay relayForMadeUpCallSids(String directoryResource) {
        java.nio.file.Path directory;
        try {
            directory = java.nio.file.Path.of(LocalHttp.class.getResource(directoryResource).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(directoryResource, e);
        }
        return sosrelay.local.LocalRelay.start(madeUpCallSids(sosrelay.local.LocalStackOptions.forTemplate(
                sosrelay.local.backends.LocalTemplate.findTemplate()).withContactsFile(directory)), Map.of(),
                new java.io.PrintStream(java.io.PrintStream.nullOutputStream()));
    }

    /**
     * For a stack whose test replays Passthrus with made-up CallSids ({@link #exotelPassthru}) and is not about the
     * Passthru's CallSid check: off, or Exotel's call details (the sandbox's) would take each for a forgery and stand
     * its incident down some 15 s later. CallSidCheckIT tests the check itself.
     */
    static sosrelay.local.LocalStackOptions madeUpCallSids(sosrelay.local.LocalStackOptions options) {
        Map<String, String> overrides = new java.util.HashMap<>(options.environmentOverrides());
        overrides.put("PASSTHRU_CALL_CHECK", "off");
        return options.withEnvironmentOverrides(overrides);
    }

    /** A front desk's call through the sandbox ({@code POST /sandbox/inbound-calls}); its JSON answer, read. */
    static Map<String, Object> inboundCall(sosrelay.local.LocalRelay relay, String from, String emergencyType) {
        String form = FormEncoding.encode(Map.of("From", from, "EmergencyType", emergencyType));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(relay.sandbox().orElseThrow().baseUrl()
                        + "/sandbox/inbound-calls")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("the sandbox's inbound call answered " + response.statusCode() + ": " + response.body());
        }
        return sosrelay.json.Json.readObject(response.body());
    }

    static HttpResponse<String> get(URI base, String path, Map<String, String> query) {
        return send(HttpRequest.newBuilder(URI.create(base + path + "?" + FormEncoding.encode(query))).GET().build());
    }

    static HttpResponse<String> head(URI base, String path, Map<String, String> query) {
        return send(HttpRequest.newBuilder(URI.create(base + path + "?" + FormEncoding.encode(query)))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A JSON POST, with an {@code x-api-key} when {@code apiKey} is not null. */
    static HttpResponse<String> postJson(URI base, String path, String apiKey, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        return send(request.build());
    }

    static HttpResponse<String> getWithKey(URI base, String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        return send(request.build());
    }

    /** As {@code aws lambda invoke --endpoint-url … --payload file://events/<fixture>} sends it. */
    static HttpResponse<String> invoke(URI base, String function, java.nio.file.Path payload) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + "/2015-03-31/functions/" + function + "/invocations"))
                    .POST(HttpRequest.BodyPublishers.ofString(java.nio.file.Files.readString(payload))).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request sent, its answer read as text; a failure to reach the stack is an {@link IllegalStateException}. */
    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** True when the queue holds nothing: visible, in flight, or delayed. */
    static boolean queueEmpty(sosrelay.local.LocalRelay relay, String queue) {
        String url = relay.stack().resources().requireQueue(queue).url();
        return relay.stack().sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes().values().stream().allMatch("0"::equals);
    }

    /** True when both call queues (normal and urgent: high-priority types' calls have their own) hold nothing. */
    static boolean callQueuesEmpty(sosrelay.local.LocalRelay relay) {
        return queueEmpty(relay, "CallJobsQueue") && queueEmpty(relay, "UrgentCallJobsQueue");
    }

    /**
     * Polls until the condition holds, four times a second (a condition that reads the incident API stays under the
     * usage plan's 5 requests a second per key, as it would have to on AWS); fails the test when it still doesn't
     * after {@code limit}.
     */
    static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
