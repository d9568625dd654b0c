package sosrelay.recordings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * Fetches a recording from Exotel, which serves them (since 8 October 2024) only with the account's API
 * key and token as Basic auth. The HttpClient must not follow redirects: a redirect could carry the
 * credentials off Exotel's hosts, so it is an answer like any other. Bodies over {@code maxBytes} are cut off.
 */
public final class ExotelRecordingFetch {
    /** What came back: the status, and for a 200 the body and its content type. */
    public record Answer(int status, byte[] body, String contentType, boolean tooLarge) {
        public boolean ok() {
            return status == 200 && !tooLarge;
        }
    }

    private final HttpClient http;
    private final String apiKey;
    private final Supplier<String> apiToken;
    private final Duration timeout;
    private final int maxBytes;

    public ExotelRecordingFetch(HttpClient http, String apiKey, Supplier<String> apiToken, Duration timeout, int maxBytes) {
        this.http = http;
        this.apiKey = apiKey;
        this.apiToken = apiToken;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** Throws IOException when no answer came (connection refused, timeout): worth trying again. */
    public Answer fetch(String url) throws IOException {
        String credentials = Base64.getEncoder().encodeToString((apiKey + ":" + apiToken.get()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + credentials)
                .timeout(timeout)
                .GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new Answer(response.statusCode(), new byte[0], null, false);
                }
                byte[] bytes = body.readNBytes(maxBytes + 1);
                String contentType = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
                return bytes.length > maxBytes
                        ? new Answer(200, new byte[0], contentType, true)
                        : new Answer(200, bytes, contentType, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the recording", e);
        }
    }
}
