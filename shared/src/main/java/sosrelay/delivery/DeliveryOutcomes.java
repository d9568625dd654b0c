package sosrelay.delivery;

import java.util.Optional;
import java.util.function.Consumer;
import sosrelay.incident.Timeline;
import sosrelay.log.Log;

/**
 * What a provider reports about an attempt (a status callback, or Exotel's call details when a
 * callback never came), applied once and in order: repeats and late arrivals change nothing. A call
 * that ended unanswered is handed on for a retry.
 */
public final class DeliveryOutcomes {
    private final DeliveryStore deliveries;
    private final Timeline timeline;
    private final Consumer<DeliveryRef> onUnansweredCall;

    public DeliveryOutcomes(DeliveryStore deliveries, Timeline timeline, Consumer<DeliveryRef> onUnansweredCall) {
        this.deliveries = deliveries;
        this.timeline = timeline;
        this.onUnansweredCall = onUnansweredCall;
    }

    /** True when the report moved the delivery on; false for an unknown id or state, a repeat, or a late report. */
    public boolean apply(String providerId, String providerState, String via) {
        String state = DeliveryStates.normalise(providerState);
        Optional<DeliveryRef> found = providerId == null ? Optional.empty() : deliveries.byProviderId(providerId);
        if (state == null || found.isEmpty()) {
            Log.warn("delivery.report-ignored", "providerId", providerId, "state", providerState, "via", via,
                    "reason", state == null ? "unknown state" : "unknown provider id");
            return false;
        }
        DeliveryRef ref = found.get();
        if (!deliveries.progress(ref, state, via)) {
            return false;
        }
        timeline.record(ref.incidentId(), "delivery." + state, "personId", ref.personId(), "channel", ref.channel(),
                "attempt", ref.attempt(), "via", via);
        if ("call".equals(ref.channel()) && DeliveryStates.unanswered(state)) {
            onUnansweredCall.accept(ref);
        }
        return true;
    }
}
