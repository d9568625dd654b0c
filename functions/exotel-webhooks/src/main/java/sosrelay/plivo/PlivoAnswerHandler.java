package sosrelay.plivo;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code POST /plivo/{secret}/answer}: Plivo XML for the person who picked up (what they hear, then press 1 or 2). */
public final class PlivoAnswerHandler extends ApiHandler {

    public PlivoAnswerHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public PlivoAnswerHandler(Wiring wiring) {
        super(wiring, w -> w.plivoWebhook(PlivoRoute.ANSWER));
    }
}
