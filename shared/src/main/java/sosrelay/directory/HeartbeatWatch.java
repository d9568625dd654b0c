package sosrelay.directory;

import java.time.Duration;
import java.util.Set;

/**
 * A source that says it is alive ({@code POST /v1/heartbeats/{source}}) at least every {@code expectEvery}
 * ({@code heartbeats:} in the directory). Silent for longer, it raises an incident of {@code type}: a fire panel
 * that went quiet is found at 02:20, not during the fire. Only the API keys in {@code keys} may beat for it, so a
 * leaked key cannot keep a dead panel looking alive nor stand down its silence.
 */
public record HeartbeatWatch(String source, Duration expectEvery, String type, Set<String> keys) {
    public HeartbeatWatch {
        keys = Set.copyOf(keys);
    }

    public boolean mayBeat(String keyId) {
        return keyId != null && keys.contains(keyId);
    }
}
