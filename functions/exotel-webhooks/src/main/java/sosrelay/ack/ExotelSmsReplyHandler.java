package sosrelay.ack;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code GET|POST /exotel/{secret}/sms-reply}: an SMS reply with the alert's code acknowledges it. */
public final class ExotelSmsReplyHandler extends ApiHandler {

    public ExotelSmsReplyHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public ExotelSmsReplyHandler(Wiring wiring) {
        super(wiring, Wiring::smsReplyAckWebhook);
    }
}
