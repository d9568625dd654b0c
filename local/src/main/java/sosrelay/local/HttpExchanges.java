package sosrelay.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading bounded request bodies and writing responses with the JDK HTTP server. */
final class HttpExchanges {
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private HttpExchanges() {
    }

    /**
     * The body, or empty when it is larger than {@link #MAX_BODY_BYTES}. A too large body is still
     * read to its end (and dropped): clients fail to read an answer sent over an unread request.
     */
    static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean tooLarge = false;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                tooLarge = tooLarge || body.size() + read > MAX_BODY_BYTES;
                if (!tooLarge) {
                    body.write(buffer, 0, read);
                }
            }
        }
        return tooLarge ? Optional.empty() : Optional.of(body.toByteArray());
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    /** HEAD gets the headers only, as API Gateway answers it. */
    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        if (head || body.length == 0) {
            if (head && body.length > 0) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String jsonMessage(String message) {
        return "{\"message\":\"" + jsonEscape(message) + "\"}";
    }

    static String jsonEscape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
