package sosrelay.local.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.json.Json;
import sosrelay.web.FormEncoding;

/** What the sandbox providers share: reading a form, checking it, answering JSON. */
final class SandboxHttp {
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
}
