package sosrelay.directory;

import java.util.Locale;

/** How urgent a type's notifications are: high-priority jobs go ahead of normal ones in the shared provider budget. */
public enum Priority {
    HIGH, NORMAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The priority named {@code text} (high, normal); null or blank is normal; anything else is null. */
    public static Priority parse(String text) {
        if (text == null || text.isBlank()) {
            return NORMAL;
        }
        for (Priority priority : values()) {
            if (priority.id().equalsIgnoreCase(text.trim())) {
                return priority;
            }
        }
        return null;
    }
}
