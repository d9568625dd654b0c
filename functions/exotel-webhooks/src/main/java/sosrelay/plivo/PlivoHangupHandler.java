package sosrelay.plivo;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code POST /plivo/{secret}/hangup}: how each Plivo call ended, as Plivo reports it. */
public final class PlivoHangupHandler extends ApiHandler {

    public PlivoHangupHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public PlivoHangupHandler(Wiring wiring) {
        super(wiring, w -> w.plivoWebhook(PlivoRoute.HANGUP));
    }
}
