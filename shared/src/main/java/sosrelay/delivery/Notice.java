package sosrelay.delivery;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A message that is not the alert: telling those notified that the emergency is covered
 * ({@code STAND_DOWN}), telling whoever raised it who is coming ({@code COMING}), or calling them
 * because nobody is ({@code UNANSWERED}). Its own delivery ({@code <person>~<kind>}) so it never
 * collides with the alert's attempts, and its own text (in India, its own DLT template).
 *
 * @param coming who acknowledged, as the message names them ("Dr. Rao, Nurse station")
 * @param count  how far along ("2 of 2")
 */
public record Notice(Kind kind, String coming, String count) {

    public enum Kind {
        STAND_DOWN, COMING, UNANSWERED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The delivery's person key: the person, and which notice (a reporter gets "coming" twice: first ack, then enough). */
    public static String deliveryKey(String personId, Kind kind, String suffix) {
        return personId + "~" + kind.id() + (suffix == null ? "" : "-" + suffix);
    }

    /** The person a delivery key is for: the key itself for an alert, the part before {@code ~} for a notice. */
    public static String personOf(String deliveryKey) {
        int notice = deliveryKey.indexOf('~');
        return notice < 0 ? deliveryKey : deliveryKey.substring(0, notice);
    }

    Map<String, Object> toFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind.id());
        fields.put("coming", coming);
        fields.put("count", count);
        return fields;
    }

    static Notice fromFields(Map<?, ?> fields) {
        String kind = String.valueOf(fields.get("kind"));
        for (Kind k : Kind.values()) {
            if (k.id().equals(kind)) {
                return new Notice(k, (String) fields.get("coming"), (String) fields.get("count"));
            }
        }
        throw new IllegalArgumentException("job has no valid notice kind");
    }
}
