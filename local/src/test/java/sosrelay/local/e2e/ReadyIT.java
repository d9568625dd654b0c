package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.web.FormEncoding;

/**
 * "Ready" means ready: a client that hammers the port while the stack starts (a script waiting for
 * the port, Exotel retrying) gets its first answer only once the directory is loaded, and that
 * answer is the emergency raised, never "no recipient directory has been imported".
 */
class ReadyIT {

    @Test
    void theFirstRequestThatGetsInDuringStartUpIsServedWithTheDirectoryLoaded() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        LocalStackOptions options = LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withPort(port);
        CompletableFuture<LocalRelay> starting = CompletableFuture.supplyAsync(
                () -> LocalRelay.start(LocalHttp.madeUpCallSids(options), Map.of(), new PrintStream(PrintStream.nullOutputStream())));
        URI passthru = URI.create("http://127.0.0.1:" + port + "/exotel/" + LocalRelay.LOCAL_SECRET + "/passthru?"
                + FormEncoding.encode(LocalHttp.exotelPassthru("ready-call-0001", "Heart")));
        try {
            HttpResponse<String> first = firstAnswer(passthru, starting);

            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(first.body()).startsWith("OK inc-");
        } finally {
            starting.get().close();
        }
    }

    /** Retries only "connection refused" (nothing bound yet); the first request the stack accepts is the one that counts. */
    private static HttpResponse<String> firstAnswer(URI uri, CompletableFuture<LocalRelay> starting) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            try {
                return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notListeningYet) {
                if (Instant.now().isAfter(deadline) || starting.isCompletedExceptionally()) {
                    starting.join();
                    throw notListeningYet;
                }
                Thread.sleep(5);
            }
        }
    }
}
