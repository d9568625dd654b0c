package sosrelay.local.iam;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One statement of a function's role policy: Allow or Deny of actions on resources, with IAM's
 * wildcards ({@code *} any run of characters, {@code ?} one). Actions compare case-insensitively,
 * resource ARNs exactly, as IAM does. Conditions are not kept: the local stack cannot evaluate them.
 */
public record PolicyStatement(boolean allow, List<String> actions, List<String> resources) {

    public PolicyStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    public static PolicyStatement allow(List<String> actions, List<String> resources) {
        return new PolicyStatement(true, actions, resources);
    }

    public static PolicyStatement allow(List<String> actions, String resource) {
        return allow(actions, List.of(resource));
    }

    public boolean covers(String action, String resource) {
        return actions.stream().anyMatch(pattern -> matches(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT)))
                && resources.stream().anyMatch(pattern -> matches(pattern, resource));
    }

    private static boolean matches(String pattern, String value) {
        if (!pattern.contains("*") && !pattern.contains("?")) {
            return pattern.equals(value);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return value.matches(regex.toString());
    }
}
