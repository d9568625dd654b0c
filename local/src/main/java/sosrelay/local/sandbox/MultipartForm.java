package sosrelay.local.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data body of text fields (RFC 7578), as Exotel posts its status callbacks by
 * default. Written by hand because the JDK's HTTP client has no multipart support and the sandbox
 * takes no dependency for one body shape.
 */
final class MultipartForm {
    private static final String CRLF = "\r\n";

    private final String boundary = "sandbox-exotel-" + UUID.randomUUID().toString().replace("-", "");
    private final byte[] body;

    MultipartForm(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append("--").append(boundary).append(CRLF)
                .append("Content-Disposition: form-data; name=\"").append(quoted(name)).append('"').append(CRLF)
                .append(CRLF)
                .append(value == null ? "" : value).append(CRLF));
        text.append("--").append(boundary).append("--").append(CRLF);
        this.body = text.toString().getBytes(StandardCharsets.UTF_8);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] body() {
        return body;
    }

    /** RFC 7578 §4.2: quotes and line breaks in a name are percent-encoded, as browsers do. */
    private static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
