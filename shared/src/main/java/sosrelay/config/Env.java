package sosrelay.config;

import java.util.Map;

/**
 * Where a function's {@link Settings} come from. On Lambda it is the process environment; the local
 * stack and the tests hand each function the environment that template.yaml gives it, so one
 * JVM can host several functions with different settings, as separate Lambdas would have.
 */
@FunctionalInterface
public interface Env {

    /** The value, or null when the variable is unset. */
    String get(String name);

    default String get(String name, String fallback) {
        String value = get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static Env system() {
        return System::getenv;
    }

    static Env of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return copy::get;
    }
}
