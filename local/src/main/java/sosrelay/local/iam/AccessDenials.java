package sosrelay.local.iam;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every denial since the stack started, for the console and for tests that expect one. */
public final class AccessDenials {
    private final List<AccessDenial> denials = new CopyOnWriteArrayList<>();

    void add(AccessDenial denial) {
        denials.add(denial);
    }

    public List<AccessDenial> all() {
        return List.copyOf(denials);
    }
}
