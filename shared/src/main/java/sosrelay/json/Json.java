package sosrelay.json;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON via jackson-jr: a fraction of databind's class loading, which a cold start pays for. */
public final class Json {
    private static final JSON JSON_ = JSON.std;

    private Json() {
    }

    public static String write(Object value) {
        try {
            return JSON_.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON object; throws {@link IllegalArgumentException} on anything else. */
    public static Map<String, Object> readObject(String text) {
        try {
            Object value = JSON_.anyFrom(text);
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                return object;
            }
            throw new IllegalArgumentException("expected a JSON object");
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /** Parses a JSON array; throws {@link IllegalArgumentException} on anything else. */
    public static java.util.List<Object> readList(String text) {
        try {
            Object value = JSON_.anyFrom(text);
            if (value instanceof java.util.List<?> list) {
                return new java.util.ArrayList<>(list);
            }
            throw new IllegalArgumentException("expected a JSON array");
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
