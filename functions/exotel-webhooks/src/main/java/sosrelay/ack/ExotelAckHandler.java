package sosrelay.ack;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code GET /exotel/{secret}/ack}: press 1 to acknowledge, from the outbound flow's Passthru. */
public final class ExotelAckHandler extends ApiHandler {

    public ExotelAckHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public ExotelAckHandler(Wiring wiring) {
        super(wiring, Wiring::keypressAckWebhook);
    }
}
