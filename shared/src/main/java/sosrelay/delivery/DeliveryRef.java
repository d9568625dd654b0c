package sosrelay.delivery;

/** Which delivery attempt a provider's id belongs to: what a status callback needs to find its delivery. */
public record DeliveryRef(String incidentId, String personId, String channel, int attempt) {
}
