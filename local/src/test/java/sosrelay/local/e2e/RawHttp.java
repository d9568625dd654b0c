package sosrelay.local.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket to the local stack, byte for byte as given: {@link java.net.http.HttpClient}
 * refuses exactly the requests a hostile client sends (broken escapes, raw bytes, odd methods, CR and
 * LF in places they don't belong). One connection per request, closed by the server.
 */
final class RawHttp {
    private static final int READ_TIMEOUT_MS = 20_000;

    /** A status line, the header lines and the body; {@code status} is -1 when no answer came. */
    record Response(int status, List<String> headerLines, String body) {
        boolean hasHeader(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().anyMatch(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix));
        }
    }

    private RawHttp() {
    }

    /**
     * The request line and header lines go out as ISO-8859-1, so a test can put any byte in them;
     * {@code Content-Length} is added for a body (and for POST and PUT, as clients do).
     */
    static Response send(int port, String method, String target, List<String> headerLines, byte[] body) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        head.append("Connection: close\r\n");
        if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        headerLines.forEach(line -> head.append(line).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer (413, 400) and close before reading everything: read what it said.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviate(target) + ": no answer", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, read);
            }
        } catch (java.net.SocketException resetAfterAnswer) {
            // A reset after the answer arrived (the server dropped our unread body) still leaves the answer.
            if (answer.size() == 0) {
                throw resetAfterAnswer;
            }
        }
        return answer.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
            return new Response(-1, List.of(), text);
        }
        List<String> lines = new ArrayList<>(List.of(text.substring(0, headEnd).split("\r\n")));
        int status = Integer.parseInt(lines.remove(0).substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
        return new Response(status, List.copyOf(lines), text.substring(headEnd + 4));
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…(" + text.length() + " chars)";
    }
}
