package sosrelay.delivery;

import java.time.Instant;

/**
 * Where one person's delivery on one channel stands, as read back from the incidents table; {@code firstAcceptedAt}
 * and {@code lastAcceptedAt}: when a provider first took any attempt of it, and took the latest (null when none).
 */
public record DeliveryStatus(String personId, String channel, String state, int attempt, String providerId, String error,
                             String updatedAt, Instant firstAcceptedAt, Instant lastAcceptedAt) {
}
