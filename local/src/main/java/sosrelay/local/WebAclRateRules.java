package sosrelay.local;

import sosrelay.local.backends.SamTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The template's AWS WAF rate-based rules, played in front of the local API as the web ACL is in front of the stage:
 * each rule counts, per source address, the requests its scope-down statement matches over WAF's 5-minute window,
 * and past its limit that address gets WAF's 403 (the function is never invoked). Scope-downs are what the template
 * uses: ByteMatch on the URI path (CONTAINS, STARTS_WITH, EXACTLY; LOWERCASE), alone or in an OrStatement. A rule
 * the local stack cannot read stops the start, naming it; rules under a condition ({@code !If}) are not rate rules.
 */
final class WebAclRateRules {
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** A byte match on the path: how it is positioned and the lower-cased string. */
    record PathMatch(String position, String search) {
        boolean matches(String path) {
            String value = path.toLowerCase(Locale.ROOT);
            return switch (position) {
                case "CONTAINS" -> value.contains(search);
                case "STARTS_WITH" -> value.startsWith(search);
                case "EXACTLY" -> value.equals(search);
                default -> throw new IllegalStateException(position);
            };
        }
    }

    /** One rate rule: its name, its limit per address per window, and the paths it counts (empty: every path). */
    record Rule(String name, int limit, List<PathMatch> scope) {
        boolean counts(String path) {
            return scope.isEmpty() || scope.stream().anyMatch(match -> match.matches(path));
        }
    }

    private final List<Rule> rules;
    private final Clock clock;
    /** Rule name and address to the times of its counted requests within the window. */
    private final Map<String, Deque<Long>> counted = new ConcurrentHashMap<>();

    WebAclRateRules(List<Rule> rules, Clock clock) {
        this.rules = List.copyOf(rules);
        this.clock = clock;
    }

    static WebAclRateRules of(SamTemplate template, Clock clock) {
        List<Rule> rules = new ArrayList<>();
        for (String id : template.rawResourceIds()) {
            Map<String, Object> resource = template.rawResource(id);
            if (!"AWS::WAFv2::WebACL".equals(resource.get("Type"))) {
                continue;
            }
            for (Object entry : list(map(resource.get("Properties")).get("Rules"))) {
                Map<String, Object> rule = map(entry);
                Map<String, Object> rate = map(map(rule.get("Statement")).get("RateBasedStatement"));
                if (!rate.isEmpty()) {
                    rules.add(rule(template, id + ".Rules." + rule.get("Name"), String.valueOf(rule.get("Name")), rate));
                }
            }
        }
        return new WebAclRateRules(rules, clock);
    }

    List<Rule> rules() {
        return rules;
    }

    /** Counts the request against every rule it falls under; false when one of them blocks the address now. */
    boolean admit(String address, String path) {
        long now = clock.millis();
        boolean admitted = true;
        for (Rule rule : rules) {
            if (!rule.counts(path)) {
                continue;
            }
            Deque<Long> times = counted.computeIfAbsent(rule.name() + " " + address, key -> new ArrayDeque<>());
            synchronized (times) {
                while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) {
                    times.pollFirst();
                }
                times.addLast(now);
                if (times.size() > rule.limit()) {
                    admitted = false;
                }
            }
        }
        return admitted;
    }

    private static Rule rule(SamTemplate template, String where, String name, Map<String, Object> rate) {
        if (!"IP".equals(rate.get("AggregateKeyType"))) {
            throw unreadable(where, "AggregateKeyType " + rate.get("AggregateKeyType") + " (the local stack counts per IP only)");
        }
        Object limit = rate.get("Limit");
        String value = limit instanceof Map<?, ?> ref && ref.get("Ref") instanceof String parameter
                ? template.parameterDefaults().get(parameter) : String.valueOf(limit);
        int parsed;
        try {
            parsed = Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw unreadable(where, "Limit " + limit + " must be a number or !Ref of a parameter with a default");
        }
        Object scopeDown = rate.get("ScopeDownStatement");
        return new Rule(name, parsed, scopeDown == null ? List.of() : scope(where, map(scopeDown)));
    }

    private static List<PathMatch> scope(String where, Map<String, Object> statement) {
        Map<String, Object> or = map(statement.get("OrStatement"));
        if (!or.isEmpty()) {
            List<PathMatch> matches = new ArrayList<>();
            list(or.get("Statements")).forEach(part -> matches.addAll(scope(where, map(part))));
            return matches;
        }
        Map<String, Object> byteMatch = map(statement.get("ByteMatchStatement"));
        if (byteMatch.isEmpty() || !map(byteMatch.get("FieldToMatch")).containsKey("UriPath")) {
            throw unreadable(where, "a scope-down other than ByteMatch on UriPath (alone or in an OrStatement)");
        }
        String position = String.valueOf(byteMatch.get("PositionalConstraint"));
        if (!List.of("CONTAINS", "STARTS_WITH", "EXACTLY").contains(position)) {
            throw unreadable(where, "PositionalConstraint " + position);
        }
        boolean lowercase = list(byteMatch.get("TextTransformations")).stream().anyMatch(t -> "LOWERCASE".equals(map(t).get("Type")));
        if (!lowercase) {
            throw unreadable(where, "a path match without the LOWERCASE transformation");
        }
        return List.of(new PathMatch(position, String.valueOf(byteMatch.get("SearchString")).toLowerCase(Locale.ROOT)));
    }

    private static IllegalArgumentException unreadable(String where, String what) {
        return new IllegalArgumentException(where + ": " + what);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
