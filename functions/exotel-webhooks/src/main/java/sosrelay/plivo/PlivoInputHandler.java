package sosrelay.plivo;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code POST /plivo/{secret}/input}: the key pressed on Plivo's GetInput; 1 acknowledges, 2 declines. */
public final class PlivoInputHandler extends ApiHandler {

    public PlivoInputHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public PlivoInputHandler(Wiring wiring) {
        super(wiring, w -> w.plivoWebhook(PlivoRoute.INPUT));
    }
}
