package sosrelay.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import sosrelay.directory.PhoneNumbers;
import sosrelay.json.Json;

/**
 * The body of {@code POST /v1/incidents}, checked: every problem is collected, because a device
 * maker fixing one error per attempt is an integration that never goes live. Unknown fields are
 * warnings, not errors: an emergency is never refused for an extra field.
 */
public record DeviceIncidentRequest(String type, String message, String source, String location, String recordingUrl,
                                    String dedupKey, String reportTo, List<String> warnings) {
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Pattern DEDUP_KEY = Pattern.compile("[A-Za-z0-9._:@/-]{1,128}");
    private static final Set<String> FIELDS = Set.of("type", "message", "source", "location", "recordingUrl", "dedupKey",
            "reportTo");

    /** A request that can't be used, with every reason. */
    public static final class Invalid extends Exception {
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static DeviceIncidentRequest parse(String body) throws Invalid {
        if (body == null || body.isBlank()) {
            throw new Invalid(List.of("the body is empty: send a JSON object with at least one of type and message"));
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new Invalid(List.of("the body is larger than " + MAX_BODY_BYTES + " bytes"));
        }
        Map<String, Object> fields;
        try {
            fields = Json.readObject(body);
        } catch (IllegalArgumentException e) {
            throw new Invalid(List.of("the body is not a JSON object (" + e.getMessage() + ")"));
        }
        List<String> problems = new ArrayList<>();
        String type = text(fields, "type", 64, problems);
        String message = text(fields, "message", 1000, problems);
        String source = text(fields, "source", 128, problems);
        String location = text(fields, "location", 256, problems);
        String recordingUrl = text(fields, "recordingUrl", 2048, problems);
        String dedupKey = text(fields, "dedupKey", 128, problems);
        String reportToText = text(fields, "reportTo", 32, problems);
        String reportTo = PhoneNumbers.toE164(reportToText);
        if (reportToText != null && reportTo == null) {
            problems.add("reportTo '" + shorten(reportToText) + "' is not a phone number (write +919800000001)");
        }
        if (type == null && message == null) {
            problems.add("give at least one of type and message");
        }
        if (dedupKey != null && !DEDUP_KEY.matcher(dedupKey).matches()) {
            problems.add("dedupKey may hold only letters, digits and . _ : @ / -");
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        List<String> warnings = fields.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted()
                .map(k -> "unknown field '" + shorten(k) + "' ignored").toList();
        return new DeviceIncidentRequest(type, message, source, location, recordingUrl, dedupKey, reportTo, warnings);
    }

    private static String text(Map<String, Object> fields, String name, int max, List<String> problems) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            problems.add(name + " must be a string");
            return null;
        }
        if (s.length() > max) {
            problems.add(name + " is longer than " + max + " characters");
            return null;
        }
        if (s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            problems.add(name + " contains control characters");
            return null;
        }
        return s.isBlank() ? null : s.strip();
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
