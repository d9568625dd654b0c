package sosrelay.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import sosrelay.directory.Channel;
import sosrelay.log.Log;

/**
 * The calls we placed that can still be on the line: what a press 1 and the greeting, both heard during a call,
 * must come from. A CallSid Exotel gave us for a call counts until {@code lastsAtMost} after Exotel took it (its
 * ring time, its TimeLimit and a margin for the webhook, {@code Settings.CallWindow}); after that the call is over
 * and a request naming it is a replay.
 */
public final class PlacedCalls {
    /** How often, and how long apart, a call answered before its id was recorded is looked for again (1.5 s at most). */
    private static final int LOOKS_AGAIN = 6;
    private static final long LOOK_AGAIN_MILLIS = 250;

    private final DeliveryStore deliveries;
    private final Duration lastsAtMost;
    private final Clock clock;

    public PlacedCalls(DeliveryStore deliveries, Duration lastsAtMost, Clock clock) {
        this.deliveries = deliveries;
        this.lastsAtMost = lastsAtMost;
        this.clock = clock;
    }

    /** The call delivery {@code callSid} was given to, while that call can still be going on; else empty. */
    public Optional<DeliveryRef> onTheLine(String callSid) {
        Optional<DeliveryStore.Placed> placed = deliveries.placed(callSid).filter(p -> Channel.CALL.id().equals(p.ref().channel()));
        if (placed.isPresent() && clock.instant().isAfter(placed.get().acceptedAt().plus(lastsAtMost))) {
            Log.warn("call.past-time-limit", "callSid", callSid, "incidentId", placed.get().ref().incidentId(),
                    "acceptedAt", placed.get().acceptedAt().toString());
            return Optional.empty();
        }
        return placed.map(DeliveryStore.Placed::ref);
    }

    /**
     * As {@link #onTheLine(String)}, for a call whose {@code ref} ({@code <incidentId>:<personId>}, the provider echoes
     * it) names the delivery. A call can be answered before the worker has recorded the id the provider gave it: the
     * provider's "call fired" and our write race, and a busy worker can lose (a callback that comes early). While that
     * delivery's attempt is still claimed (taken by a worker, not yet accepted), the id is looked for again, for 1.5 s
     * at most, so that the person hears the incident and can press a key rather than the generic alert. Any other
     * unknown id is answered at once.
     */
    public Optional<DeliveryRef> onTheLine(String callSid, String ref) {
        Optional<DeliveryRef> call = onTheLine(callSid);
        for (int look = 0; call.isEmpty() && look < LOOKS_AGAIN; look++) {
            if (!stillBeingPlaced(ref)) {
                // Accepted since the look above (the id is written with the state, in one transaction), or never ours.
                return ref == null ? call : onTheLine(callSid);
            }
            try {
                Thread.sleep(LOOK_AGAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return call;
            }
            call = onTheLine(callSid);
        }
        return call;
    }

    private boolean stillBeingPlaced(String ref) {
        return ref != null && deliveries.byCustomField(ref, Channel.CALL.id())
                .filter(current -> DeliveryStates.CLAIMED.equals(current.state())).isPresent();
    }
}
