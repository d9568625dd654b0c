package sosrelay.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Api} event: a path template such as {@code /exotel/{secret}/passthru} (or a greedy
 * {@code {proxy+}}) and a method, served by a function; some only with an API key, some only for a
 * signed-in operator ({@code cognitoAuthorizer}, null when the route needs none).
 */
record ApiRoute(String pathTemplate, String method, LocalFunction function, boolean apiKeyRequired, String cognitoAuthorizer) {

    private List<String> templateSegments() {
        return segments(pathTemplate);
    }

    boolean acceptsMethod(String requestMethod) {
        return method.equals("any") || method.equals(requestMethod.toLowerCase(Locale.ROOT));
    }

    /** The path parameters when the (decoded) path fits the template. */
    Optional<Map<String, String>> match(String path) {
        List<String> template = templateSegments();
        List<String> actual = segments(path);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= actual.size()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 2), String.join("/", actual.subList(i, actual.size())));
                return Optional.of(parameters);
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            if (segment.startsWith("{") && segment.endsWith("}")) {
                parameters.put(segment.substring(1, segment.length() - 1), actual.get(i));
            } else if (!segment.equals(actual.get(i))) {
                return Optional.empty();
            }
        }
        return template.size() == actual.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** API Gateway prefers literal segments over parameters, and parameters over greedy ones. */
    int specificity() {
        int score = 0;
        for (String segment : templateSegments()) {
            score = score * 3 + (segment.endsWith("+}") ? 0 : segment.startsWith("{") ? 1 : 2);
        }
        return score;
    }

    private static List<String> segments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
