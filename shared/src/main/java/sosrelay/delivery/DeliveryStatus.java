package sosrelay.delivery;

/** Where one person's delivery on one channel stands, as read back from the incidents table. */
public record DeliveryStatus(String personId, String channel, String state, int attempt, String providerId, String error,
                             String updatedAt) {
}
