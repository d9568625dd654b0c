package sosrelay.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Call recordings as Exotel has served them since 8 October 2024: only with the account's API key and
 * token (401 without), 404 until the recording is ready. Tests and the demo pass their URLs as
 * {@code RecordingUrl} and add the audio when they want it "ready".
 */
final class SandboxRecordings {
    static final String PATH = "/exotelrecordings/" + SandboxExotel.ACCOUNT_SID + "/";

    private record Audio(byte[] bytes, String contentType) {
    }

    private final Map<String, Audio> ready = new ConcurrentHashMap<>();

    void put(String name, byte[] bytes, String contentType) {
        ready.put(name, new Audio(bytes.clone(), contentType));
    }

    /** {@code target} is ready as a copy of {@code source}; false when {@code source} is not ready. */
    boolean copy(String source, String target) {
        Audio audio = ready.get(source);
        if (audio == null) {
            return false;
        }
        ready.put(target, audio);
        return true;
    }

    /** GET or HEAD of {@code PATH + name}. */
    void serve(HttpExchange exchange, String name) throws IOException {
        if (!SandboxHttp.hasBasicAuth(exchange, SandboxExotel.API_KEY, SandboxExotel.API_TOKEN)) {
            SandboxHttp.exotelError(exchange, 401, "Authentication is required to view this page.");
            return;
        }
        Audio audio = ready.get(name);
        if (audio == null) {
            SandboxHttp.exotelError(exchange, 404, "The recording is not available yet.");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", audio.contentType());
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(200, head ? -1 : audio.bytes().length);
        if (!head) {
            exchange.getResponseBody().write(audio.bytes());
        }
    }
}
