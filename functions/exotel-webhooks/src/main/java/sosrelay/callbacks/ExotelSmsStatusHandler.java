package sosrelay.callbacks;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code POST /exotel/{secret}/sms-status}: how each text message fared, as Exotel reports it. */
public final class ExotelSmsStatusHandler extends ApiHandler {

    public ExotelSmsStatusHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public ExotelSmsStatusHandler(Wiring wiring) {
        super(wiring, Wiring::smsStatusWebhook);
    }
}
