package sosrelay.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Exotel's call API as a stand-in that takes a fixed time per request (200 ms, about a real round
 * trip to Mumbai), on loopback only. It answers every connect with a fresh Call Sid, never calls
 * back, and keeps when each request arrived: a patient's doctor starts ringing when the provider
 * has the request, so that arrival is what the benchmark times. In the same time it answers the
 * Passthru's CallSid check (an inbound call from {@link #CALLER}) and serves a recording (an MP3) under
 * {@link #recordingUrl}, so both can run beside a fan-out as they do on a real night.
 */
public final class SlowExotel implements AutoCloseable {
    public static final String ACCOUNT_SID = "bench";
    public static final String API_KEY = "bench-key";
    public static final String API_TOKEN = "bench-token";
    /** The front desk's number every Passthru of the bench comes from, as Exotel's call details give it. */
    public static final String CALLER = "09324190000";
    private static final String CONNECT = "/v1/Accounts/" + ACCOUNT_SID + "/Calls/connect.json";
    private static final String RECORDINGS = "/exotelrecordings/" + ACCOUNT_SID + "/";

    private final WireMockServer server;

    private SlowExotel(WireMockServer server) {
        this.server = server;
    }

    public static SlowExotel start(Duration perRequest) {
        // Asynchronous responses: a delayed answer holds no thread, so 1,000 requests in flight
        // are each answered after 200 ms rather than queueing for the stand-in's threads.
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(16).containerThreads(64));
        server.start();
        server.stubFor(post(urlPathMatching(CONNECT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Call\":{\"Sid\":\"{{randomValue length=32 type='ALPHANUMERIC'}}\",\"Status\":\"in-progress\"}}")
                .withTransformers("response-template")
                .withFixedDelay((int) perRequest.toMillis())));
        server.stubFor(get(urlPathMatching("/v1/Accounts/" + ACCOUNT_SID + "/Calls/[^/]+\\.json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Call\":{\"Direction\":\"inbound\",\"From\":\"" + CALLER
                        + "\",\"To\":\"08047000000\",\"Status\":\"completed\"}}")
                .withFixedDelay((int) perRequest.toMillis())));
        server.stubFor(get(urlPathMatching(RECORDINGS + ".*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody(recording())
                .withFixedDelay((int) perRequest.toMillis())));
        return new SlowExotel(server);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Where the stand-in keeps recordings: the allow-list entry the stack is given ({@code RECORDING_HOSTS}). */
    public String recordingHosts() {
        return baseUrl() + "/exotelrecordings/";
    }

    /** A recording of the call {@code callSid}, as Exotel's Passthru names it. */
    public String recordingUrl(String callSid) {
        return baseUrl() + RECORDINGS + callSid + ".mp3";
    }

    /** How many requests other than connects (call details, recordings) arrived since {@link #forget()}. */
    public long otherRequests() {
        return server.getAllServeEvents().stream().filter(e -> !e.getRequest().getUrl().startsWith(CONNECT)).count();
    }

    private static byte[] recording() {
        try (java.io.InputStream in = SlowExotel.class.getResourceAsStream("/demo-recording.mp3")) {
            if (in == null) {
                throw new IllegalStateException("demo-recording.mp3 is not on the classpath (the local module has it)");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Forget every request so far: the next run counts its own. */
    public void forget() {
        server.resetRequests();
    }

    /** How many connect requests arrived since {@link #forget()}. */
    public int connects() {
        return connectEvents().size();
    }

    /** Wall-clock milliseconds of the last connect's arrival, once {@code expected} have arrived. */
    public OptionalLong lastArrivalMillis(int expected) {
        List<ServeEvent> events = connectEvents();
        if (events.size() < expected) {
            return OptionalLong.empty();
        }
        return events.stream().mapToLong(e -> e.getRequest().getLoggedDate().getTime()).max();
    }

    /** Wall-clock milliseconds of each connect's arrival since {@link #forget()}, earliest first. */
    public List<Long> arrivals() {
        return connectEvents().stream().map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
    }

    /** Wall-clock milliseconds of each connect for {@code incidentId} (its CustomField), earliest first. */
    public List<Long> arrivalsFor(String incidentId) {
        return connectEvents().stream().filter(e -> e.getRequest().getBodyAsString().contains(incidentId))
                .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
    }

    /** The last arrival of a connect for {@code incidentId} (its CustomField), once {@code expected} of them have arrived. */
    public OptionalLong lastArrivalMillisFor(String incidentId, int expected) {
        List<ServeEvent> events = connectEvents().stream().filter(e -> e.getRequest().getBodyAsString().contains(incidentId)).toList();
        if (events.size() < expected) {
            return OptionalLong.empty();
        }
        return events.stream().mapToLong(e -> e.getRequest().getLoggedDate().getTime()).max();
    }

    /** The most connects that arrived in any {@code window} (a sliding one, as Exotel counts). */
    public int largestInAnyWindow(Duration window) {
        List<Long> times = arrivals();
        int most = 0;
        for (int first = 0, last = 0; last < times.size(); last++) {
            while (times.get(last) - times.get(first) >= window.toMillis()) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    /**
     * How many connects Exotel would have refused with 429: those arriving when {@code limit} others had already
     * arrived within the {@code window} before them (this stand-in answers every one).
     */
    public int overTheLimit(Duration window, int limit) {
        List<Long> times = arrivals();
        int refused = 0;
        for (int first = 0, last = 0; last < times.size(); last++) {
            while (times.get(last) - times.get(first) >= window.toMillis()) {
                first++;
            }
            if (last - first + 1 > limit) {
                refused++;
            }
        }
        return refused;
    }

    private List<ServeEvent> connectEvents() {
        return server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(CONNECT)).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
