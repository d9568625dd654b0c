package sosrelay.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;

/**
 * Plivo's make-a-call API as a stand-in, as {@link SlowExotel} is Exotel's: a fixed time per request, a 201 "call fired"
 * with a fresh request_uuid, no callbacks, and when each request arrived. It queues nothing (Plivo queues above its
 * calls a second): the arrival is when the request reached the provider.
 */
public final class SlowPlivo implements AutoCloseable {
    public static final String AUTH_ID = "MABENCH0000000000001";
    public static final String AUTH_TOKEN = "bench-plivo-token";
    public static final String CALLER_ID = "918047100000";
    private static final String CALL = "/v1/Account/" + AUTH_ID + "/Call/";

    private final WireMockServer server;

    private SlowPlivo(WireMockServer server) {
        this.server = server;
    }

    public static SlowPlivo start(Duration perRequest) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(16).containerThreads(64));
        server.start();
        server.stubFor(post(urlPathEqualTo(CALL)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"api_id\":\"{{randomValue type='UUID'}}\",\"message\":\"call fired\","
                        + "\"request_uuid\":\"{{randomValue type='UUID'}}\"}")
                .withTransformers("response-template")
                .withFixedDelay((int) perRequest.toMillis())));
        return new SlowPlivo(server);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public void forget() {
        server.resetRequests();
    }

    /** Wall-clock milliseconds of each call request's arrival since {@link #forget()}, earliest first. */
    public List<Long> arrivals() {
        return server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(CALL))
                .map(e -> e.getRequest().getLoggedDate().getTime()).sorted().toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
