package sosrelay.directory;

import java.time.Instant;
import java.util.List;

/**
 * A time when some emergencies are expected and must ring nobody (planned work on a server, a fire
 * drill): incidents of its types, or raised by its alarms or device sources, are recorded and shown
 * but not notified.
 *
 * @param id      how the API names it; null for windows written in the directory file
 * @param alarms  CloudWatch alarm names, or prefixes ending in {@code *}
 * @param sources device sources, as the device API's {@code source} names them
 * @param types   emergency types
 */
public record MaintenanceWindow(String id, List<String> alarms, List<String> sources, List<String> types, Instant from,
                                Instant to, String reason) {

    /** Whether an incident of {@code type} raised at {@code at} by {@code alarm} or device {@code source} (either may be null) falls in this window. */
    public boolean covers(Instant at, String type, String alarm, String source) {
        if (at.isBefore(from) || !at.isBefore(to)) {
            return false;
        }
        return types.stream().anyMatch(t -> t.equalsIgnoreCase(type))
                || alarm != null && alarms.stream().anyMatch(a -> new AlarmRoute(a, type).matches(alarm))
                || source != null && sources.contains(source);
    }

    /** How the timeline names it. */
    public String describe() {
        return (id == null ? "maintenance" : "maintenance " + id) + " until " + to + (reason == null ? "" : " (" + reason + ")");
    }
}
