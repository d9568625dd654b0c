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
}
