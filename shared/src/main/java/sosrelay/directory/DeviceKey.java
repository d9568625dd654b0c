package sosrelay.directory;

import java.util.List;
import java.util.Set;

/**
 * A device API key the directory lists ({@code devices:}), known by API Gateway's id for it (as incidents and logs
 * show it), never by the key itself: the types it may raise (a fire panel's leaked key then cannot page cardiology),
 * and the numbers besides the directory's people it may name as {@code reportTo} (who hears responders' names).
 * Keys the directory does not list may raise only the default type and report to the directory's people only.
 */
public record DeviceKey(String keyId, String name, List<String> types, Set<String> reportTo) {
    public DeviceKey {
        types = List.copyOf(types);
        reportTo = Set.copyOf(reportTo);
    }

    public boolean mayRaise(String type) {
        return types.contains(type);
    }
}
