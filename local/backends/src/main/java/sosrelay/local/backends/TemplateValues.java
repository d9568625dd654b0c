package sosrelay.local.backends;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reading loosely typed YAML values: a missing section is empty, not an error. */
final class TemplateValues {
    private TemplateValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    /** Numbers and booleans as CloudFormation would stringify them. */
    static String scalar(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static String string(Object value, String what) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new IllegalArgumentException(what + " must be a plain value, not " + value);
    }

    static OptionalInt integer(Object value) {
        if (value instanceof Number number) {
            return OptionalInt.of(number.intValue());
        }
        if (value instanceof String text && text.matches("-?\\d+")) {
            return OptionalInt.of(Integer.parseInt(text));
        }
        return OptionalInt.empty();
    }

    /** The resource named by {@code {"Ref": X}} or {@code {"Fn::GetAtt": [X, ...]}}. */
    static Optional<String> referencedResource(Object value) {
        Map<String, Object> intrinsic = map(value);
        if (intrinsic.get("Ref") instanceof String name) {
            return Optional.of(name);
        }
        List<Object> getAtt = list(intrinsic.get("Fn::GetAtt"));
        return getAtt.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(getAtt.get(0)));
    }
}
