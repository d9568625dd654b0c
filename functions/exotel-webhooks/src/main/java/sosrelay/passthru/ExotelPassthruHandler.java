package sosrelay.passthru;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code GET|POST /exotel/{secret}/passthru}: Exotel's Passthru applet after the IVR and voicemail. */
public final class ExotelPassthruHandler extends ApiHandler {

    public ExotelPassthruHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public ExotelPassthruHandler(Wiring wiring) {
        super(wiring, Wiring::passthruWebhook);
    }
}
