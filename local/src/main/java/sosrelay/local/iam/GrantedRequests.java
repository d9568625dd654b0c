package sosrelay.local.iam;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every action on a resource some function's role was asked for and allowed since the stack started:
 * what tests have exercised of each role, for the permission coverage table.
 */
public final class GrantedRequests {
    /** One allowed request: the function, the IAM action and the resource ARN. */
    public record Granted(String function, String action, String resource) {
    }

    private final Set<Granted> granted = ConcurrentHashMap.newKeySet();

    void add(Granted request) {
        granted.add(request);
    }

    public Set<Granted> all() {
        return Set.copyOf(granted);
    }
}
