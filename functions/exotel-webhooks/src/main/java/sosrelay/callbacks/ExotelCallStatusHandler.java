package sosrelay.callbacks;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code POST /exotel/{secret}/call-status}: how each call ended, as Exotel reports it. */
public final class ExotelCallStatusHandler extends ApiHandler {

    public ExotelCallStatusHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public ExotelCallStatusHandler(Wiring wiring) {
        super(wiring, Wiring::callStatusWebhook);
    }
}
