package sosrelay.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads one group of settings from an {@link Env}, noting every problem instead of stopping at the first, so
 * {@link #checked} reports a group's missing and malformed variables together, as the directory reports its own.
 * A malformed value yields its default, only so the reading can go on to the next variable.
 */
final class Variables {
    private final Env env;
    private final List<String> problems = new ArrayList<>();

    Variables(Env env) {
        this.env = env;
    }

    String required(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            problems.add(name + " is not set");
            return null;
        }
        return value.trim();
    }

    /** The value as it is (a message text keeps its spaces), or {@code fallback} when unset or blank. */
    String text(String name, String fallback) {
        return env.get(name, fallback);
    }

    /** Null when unset or blank. */
    String optional(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** An http(s) URL with a host, without trailing slashes; {@code fallback} when unset, and then it is required if null. */
    String url(String name, String fallback) {
        String value = fallback == null ? required(name) : env.get(name, fallback).trim();
        if (value == null) {
            return null;
        }
        uri(name, value);
        return value.replaceAll("/+$", "");
    }

    /** Null when unset; an endpoint the SDK is pointed at instead of AWS's (the local backends). */
    URI optionalUrl(String name) {
        String value = optional(name);
        return value == null ? null : uri(name, value);
    }

    long number(String name, long fallback, long min) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return parse(name, value.trim(), value.trim(), fallback, min);
    }

    int integer(String name, int fallback, int min) {
        return (int) Math.min(Integer.MAX_VALUE, number(name, fallback, min));
    }

    Duration seconds(String name, long fallback, long min) {
        return Duration.ofSeconds(number(name, fallback, min));
    }

    Duration millis(String name, long fallback, long min) {
        return Duration.ofMillis(number(name, fallback, min));
    }

    /** Null when unset: the caller's own default applies (the SDK's timeouts). */
    Duration optionalMillis(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : Duration.ofMillis(parse(name, value.trim(), value.trim(), 0, 1));
    }

    /** Comma-separated whole seconds, e.g. {@code 2,5,10}, none over {@code max}; {@code fallback} when unset. */
    List<Duration> secondsList(String name, List<Duration> fallback, Duration max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int before = problems.size();
        List<Duration> parsed = Arrays.stream(value.split(",")).map(String::trim)
                .map(part -> Duration.ofSeconds(parse(name, value, part, 0, 0))).toList();
        if (parsed.stream().anyMatch(wait -> wait.compareTo(max) > 0)) {
            problems.add(name + " '" + value + "' has a wait over " + max.toSeconds() + " s, the most a retry may wait");
        }
        return problems.size() > before ? fallback : parsed;
    }

    /** {@code on} or {@code off} (any case); {@code fallback} when unset or blank. */
    boolean onOff(String name, boolean fallback) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("on") || value.equalsIgnoreCase("off")) {
            return value.equalsIgnoreCase("on");
        }
        problems.add(name + " '" + value + "' is neither on nor off");
        return fallback;
    }

    /** The language codes texts are shipped in (directory.Language's codes). */
    static final Set<String> LANGUAGES = Set.of("en", "hi");

    /** {@code fallback} when unset; else one of {@code allowed}. */
    String oneOf(String name, String fallback, Set<String> allowed) {
        String value = env.get(name, fallback).trim();
        if (!allowed.contains(value)) {
            problems.add(name + " '" + value + "' is not one of " + String.join(", ", new TreeSet<>(allowed)));
            return fallback;
        }
        return value;
    }

    /**
     * Comma-separated names, each one of {@code allowed} and none twice, in the order given (an order of preference);
     * {@code fallback} when unset or blank.
     */
    List<String> orderedChoices(String name, List<String> fallback, Set<String> allowed) {
        String value = optional(name);
        if (value == null) {
            return fallback;
        }
        List<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
        int before = problems.size();
        for (String item : names) {
            if (!allowed.contains(item)) {
                problems.add(name + " names '" + item + "', which is not one of " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        if (names.stream().distinct().count() < names.size()) {
            problems.add(name + " '" + value + "' names a provider twice");
        }
        if (names.isEmpty()) {
            problems.add(name + " '" + value + "' names nothing");
        }
        return problems.size() > before ? fallback : names;
    }

    /**
     * Whether {@code TEXT_LANGUAGES} (comma-separated, default {@code en}) has Hindi: texts go out in a language only once
     * its templates are registered with DLT and approved by WhatsApp, so Hindi is switched on by the operator.
     */
    boolean hindi() {
        Set<String> languages = set("TEXT_LANGUAGES");
        for (String language : languages) {
            if (!LANGUAGES.contains(language)) {
                problems.add("TEXT_LANGUAGES names '" + language + "', which is not one of en, hi");
            }
        }
        return languages.contains("hi");
    }

    /** Comma-separated, blanks left out; empty when unset. */
    Set<String> set(String name) {
        return Arrays.stream(env.get(name, "").split(",")).map(String::trim).filter(item -> !item.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The secret itself when {@code plainName} is set (local only), else the SSM parameter {@code parameterName} names. */
    SecretSource secret(String plainName, String parameterName) {
        String plain = env.get(plainName);
        if (plain != null && !plain.isBlank()) {
            return SecretSource.plain(plain);
        }
        String parameter = env.get(parameterName);
        if (parameter == null || parameter.isBlank()) {
            problems.add(parameterName + " is not set (nor, locally, " + plainName + ")");
            return null;
        }
        return SecretSource.parameter(parameter.trim());
    }

    /** A problem no single variable shows (two that disagree). */
    void problem(String text) {
        problems.add(text);
    }

    /** {@code value} when every variable read was fine; else one exception naming each problem. */
    <T> T checked(String what, T value) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the " + what + " settings have " + problems.size() + " problem(s):\n  - "
                    + String.join("\n  - ", problems));
        }
        return value;
    }

    private URI uri(String name, String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
            problems.add(name + " '" + value + "' is not an http(s) URL with a host");
        } catch (IllegalArgumentException e) {
            problems.add(name + " '" + value + "' is not a URL: " + e.getMessage());
        }
        return null;
    }

    private long parse(String name, String whole, String part, long fallback, long min) {
        long parsed;
        try {
            parsed = Long.parseLong(part);
        } catch (NumberFormatException e) {
            problems.add(name + " '" + whole + "' is not " + (whole.equals(part) ? "a whole number" : "whole numbers: '" + part + "'"));
            return fallback;
        }
        if (parsed < min) {
            problems.add(name + " is " + parsed + ", below its least allowed value " + min);
            return fallback;
        }
        return parsed;
    }
}
