package sosrelay.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/** What the sandbox providers share: reading a form, checking it, answering JSON, calling webhooks. */
final class SandboxHttp {
    /** How long the sandbox waits for one of our webhooks, as Exotel would not wait forever either. */
    static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(5);
    /** Exotel's timestamps: {@code 2021-07-16 15:41:28}, India time, no zone written. */
    private static final DateTimeFormatter EXOTEL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Kolkata"));

    private SandboxHttp() {
    }

    /** The first value of each field of a form-encoded body (or query string). */
    static Map<String, String> form(String encoded) {
        Map<String, String> first = new LinkedHashMap<>();
        FormEncoding.decode(encoded).forEach((k, v) -> first.put(k, v.get(0)));
        return first;
    }

    static Map<String, String> body(HttpExchange exchange) throws IOException {
        return form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The required fields that are absent or blank. */
    static List<String> missing(Map<String, String> form, List<String> required) {
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (form.get(name) == null || form.get(name).isBlank()) {
                missing.add(name);
            }
        }
        return missing;
    }

    static boolean hasBasicAuth(HttpExchange exchange, String user, String password) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    /** An error as Exotel words it: {@code {"RestException":{"Status":…,"Message":…}}}. */
    static void exotelError(HttpExchange exchange, int status, String message) throws IOException {
        reply(exchange, status, Json.write(Map.of("RestException", Map.of("Status", status, "Message", message))));
    }

    static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String exotelTime(Instant at) {
        return EXOTEL_TIME.format(at);
    }

    /** Calls one of our webhooks and keeps only its HTTP status; 0 when there was no HTTP answer at all. */
    static int send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** What {@link #send} got, for the console: {@code 200}, or {@code no answer}. */
    static String statusText(int httpStatus) {
        return httpStatus == 0 ? "no answer" : Integer.toString(httpStatus);
    }
}
