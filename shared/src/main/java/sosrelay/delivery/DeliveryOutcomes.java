package sosrelay.delivery;

import java.util.Optional;
import java.util.function.Consumer;
import sosrelay.incident.Timeline;
import sosrelay.log.Log;

/**
 * What a provider reports about an attempt (a status callback, or Exotel's call details when a
 * callback never came), applied once and in order: repeats and late arrivals change nothing. A call
 * that ended unanswered is handed on for a retry; a text the provider failed to deliver (DLT scrubbing,
 * DND) is counted as failed and handed on to be tried by another channel. A report that comes before its provider id is
 * recorded is kept and applied when it is ({@link PendingReports}).
 */
public final class DeliveryOutcomes implements DeliveryWorker.EarlyReports {

    /** What became of a report. */
    public enum Applied {
        /** It moved the delivery on. */
        CHANGED,
        /** Unknown id or state, a repeat, or a late report. */
        NOTHING,
        /** Its id is not recorded yet, but its CustomField names a send under way: kept until it is. */
        KEPT
    }

    private final DeliveryStore deliveries;
    private final PendingReports pending;
    private final Timeline timeline;
    private final Consumer<DeliveryRef> onUnansweredCall;
    private final Consumer<DeliveryRef> onFailedMessage;

    public DeliveryOutcomes(DeliveryStore deliveries, PendingReports pending, Timeline timeline, Consumer<DeliveryRef> onUnansweredCall,
                            Consumer<DeliveryRef> onFailedMessage) {
        this.deliveries = deliveries;
        this.pending = pending;
        this.timeline = timeline;
        this.onUnansweredCall = onUnansweredCall;
        this.onFailedMessage = onFailedMessage;
    }

    /** True when the report moved the delivery on; false for an unknown id or state, a repeat, or a late report. */
    public boolean apply(String providerId, String providerState, String via) {
        return report(providerId, null, null, providerState, via) == Applied.CHANGED;
    }

    /**
     * A status callback: found by the provider id; else by {@code customField}, the delivery on
     * {@code channel} it names, when that delivery's attempt was given this id; else kept when that
     * delivery's send is under way (its id is about to be recorded).
     */
    public Applied report(String providerId, String customField, String channel, String providerState, String via) {
        String state = DeliveryStates.normalise(providerState);
        Optional<DeliveryRef> found = state == null || providerId == null ? Optional.empty() : deliveries.byProviderId(providerId);
        if (found.isPresent()) {
            return applyTo(found.get(), state, via);
        }
        Optional<DeliveryStore.Current> named = state == null || channel == null ? Optional.empty()
                : deliveries.byCustomField(customField, channel);
        if (named.isPresent() && providerId.equals(named.get().providerId())) {
            return applyTo(named.get().ref(), state, via);
        }
        if (named.isPresent() && DeliveryStates.CLAIMED.equals(named.get().state())) {
            return keep(providerId, named.get().ref().incidentId(), providerState, state, via);
        }
        Log.warn("delivery.report-ignored", "providerId", providerId, "state", providerState, "via", via,
                "reason", state == null ? "unknown state" : "unknown provider id");
        return Applied.NOTHING;
    }

    /**
     * A report that names nothing of ours but the provider's id (GupShup's delivery reports): found by it, else
     * kept until a worker records that id, since the provider may report before the worker's own write.
     */
    public Applied reportById(String providerId, String providerState, String via) {
        String state = DeliveryStates.normalise(providerState);
        if (state == null || providerId == null || providerId.isBlank()) {
            Log.warn("delivery.report-ignored", "providerId", providerId, "state", providerState, "via", via,
                    "reason", state == null ? "unknown state" : "no provider id");
            return Applied.NOTHING;
        }
        Optional<DeliveryRef> found = deliveries.byProviderId(providerId);
        return found.isPresent() ? applyTo(found.get(), state, via) : keep(providerId, null, providerState, state, via);
    }

    private Applied keep(String providerId, String incidentId, String providerState, String state, String via) {
        pending.keep(providerId, incidentId, providerState, via);
        // The worker may have recorded the id between the lookups and the keeping: look once more.
        Optional<DeliveryRef> now = deliveries.byProviderId(providerId);
        if (now.isPresent()) {
            pending.take(providerId);
            return applyTo(now.get(), state, via);
        }
        Log.info("delivery.report-kept", "providerId", providerId, "state", providerState, "via", via);
        return Applied.KEPT;
    }

    /** For the worker's write of the provider id: the condition that no report is kept for it ({@link PendingReports#noneKept}). */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.TransactWriteItem noneKept(String providerId) {
        return pending.noneKept(providerId);
    }

    /** For the worker, once it recorded the provider id: applies a report that came before, if one did. */
    @Override
    public void applyKept(String providerId) {
        pending.take(providerId).ifPresent(kept -> apply(providerId, kept.providerState(), kept.via() + " (arrived before the id was recorded)"));
    }

    private Applied applyTo(DeliveryRef ref, String state, String via) {
        if (!deliveries.progress(ref, state, via)) {
            return Applied.NOTHING;
        }
        timeline.record(ref.incidentId(), "delivery." + state, "personId", ref.personId(), "channel", ref.channel(),
                "attempt", ref.attempt(), "via", via);
        if ("call".equals(ref.channel()) && DeliveryStates.unanswered(state)) {
            onUnansweredCall.accept(ref);
        } else if (!"call".equals(ref.channel()) && DeliveryStates.undelivered(state)) {
            DeliveryMetrics.failed(ref);
            onFailedMessage.accept(ref);
        }
        return Applied.CHANGED;
    }
}
