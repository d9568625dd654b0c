package sosrelay.directory;

import java.time.Instant;

/**
 * Someone on duty instead of the rotations' people, from {@code from} (inclusive) to {@code to}.
 *
 * @param id     how the API names it (to remove it); null for overrides written in the directory file
 * @param reason why, as the operator gave it; may be null
 */
public record RosterOverride(String id, String person, Instant from, Instant to, String reason) {

    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    public boolean overlaps(RosterOverride other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }
}
