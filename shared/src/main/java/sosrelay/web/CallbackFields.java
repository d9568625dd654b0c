package sosrelay.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sosrelay.json.Json;

/**
 * The fields of an Exotel callback, however it was posted: {@code multipart/form-data} (Exotel's
 * default), {@code application/json} or form-encoded; query parameters fill in what the body lacks.
 * Lists of objects in JSON (the call's {@code Legs}) are flattened to the bracket names Exotel's form
 * callbacks use ({@code Legs[0][AnsweredBy]}), so both shapes read the same.
 */
public final class CallbackFields {
    private static final java.util.regex.Pattern PROVIDER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,128}");
    /** What a webhook says when {@link #isProviderId} refuses an id. */
    public static final String PROVIDER_ID_RULE = "must be 1-128 letters, digits, '-' or '_'";

    private CallbackFields() {
    }

    /**
     * Whether the text can be an Exotel CallSid or SmsSid. Anything else is looked up nowhere: a
     * megabyte "CallSid" would otherwise reach DynamoDB, which refuses keys over 2 KB with an error.
     */
    public static boolean isProviderId(String text) {
        return text != null && PROVIDER_ID.matcher(text).matches();
    }

    public static Map<String, String> of(WebRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        String contentType = request.header("Content-Type") == null ? "" : request.header("Content-Type");
        String lower = contentType.toLowerCase(Locale.ROOT);
        if (lower.startsWith("multipart/form-data")) {
            fields.putAll(multipart(request.bodyText(), boundary(contentType)));
        } else if (lower.startsWith("application/json")) {
            json(request.bodyText()).forEach(fields::putIfAbsent);
        }
        request.parameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                fields.putIfAbsent(name, values.get(0));
            }
        });
        return fields;
    }

    private static Map<String, String> json(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            Json.readObject(body).forEach((name, value) -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    fields.put(name, String.valueOf(value));
                } else if (value instanceof List<?> items) {
                    for (int i = 0; i < items.size(); i++) {
                        if (items.get(i) instanceof Map<?, ?> item) {
                            int index = i;
                            item.forEach((key, inner) -> {
                                if (inner instanceof String || inner instanceof Number || inner instanceof Boolean) {
                                    fields.put(name + "[" + index + "][" + key + "]", String.valueOf(inner));
                                }
                            });
                        }
                    }
                }
            });
        } catch (IllegalArgumentException notJson) {
            // an unreadable body leaves only the query parameters
        }
        return fields;
    }

    private static String boundary(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                return p.substring("boundary=".length()).replace("\"", "");
            }
        }
        return null;
    }

    /** The simple parts of a multipart body: a name and a text value each. */
    private static Map<String, String> multipart(String body, String boundary) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (boundary == null || boundary.isEmpty()) {
            return fields;
        }
        for (String part : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            int separator = headersEnd >= 0 ? 4 : 2;
            if (headersEnd < 0) {
                headersEnd = part.indexOf("\n\n");
            }
            if (headersEnd < 0) {
                continue;
            }
            String name = partName(part.substring(0, headersEnd));
            if (name != null) {
                String value = part.substring(headersEnd + separator);
                fields.putIfAbsent(name, value.replaceAll("\r?\n$", ""));
            }
        }
        return fields;
    }

    private static String partName(String headers) {
        for (String line : List.of(headers.split("\r?\n"))) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(line);
                return m.find() ? m.group(1) : null;
            }
        }
        return null;
    }
}
