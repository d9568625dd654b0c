package sosrelay.directory;

import java.util.Locale;

/** How urgent a type's notifications are: high-priority jobs go ahead of normal ones in the shared pacer. */
public enum Priority {
    HIGH, NORMAL;

    /** {@code high} or {@code normal}, as the directory and the job message write it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The priority named {@code text}, or null. */
    public static Priority parse(String text) {
        for (Priority priority : values()) {
            if (priority.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return priority;
            }
        }
        return null;
    }
}
