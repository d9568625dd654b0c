package sosrelay.greeting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks, with a quick HEAD, whether Exotel's recording is already playable before the time Exotel
 * promised. Any doubt (timeout, error, non-2xx) answers "not yet": the caller then speaks the text.
 */
public final class RecordingProbe {
    private final HttpClient http;
    private final Duration timeout;

    public RecordingProbe(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    public boolean isPlayable(String url) {
        try {
            HttpRequest head = HttpRequest.newBuilder(URI.create(url))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .timeout(timeout)
                    .build();
            int status = http.send(head, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
