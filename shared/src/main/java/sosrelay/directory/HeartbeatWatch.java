package sosrelay.directory;

import java.time.Duration;

/**
 * A source that says it is alive ({@code POST /v1/heartbeats/{source}}) at least every {@code expectEvery}
 * ({@code heartbeats:} in the directory). Silent for longer, it raises an incident of {@code type}: a fire panel
 * that went quiet is found at 02:20, not during the fire.
 */
public record HeartbeatWatch(String source, Duration expectEvery, String type) {
}
