package sosrelay.greeting;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code GET|HEAD /exotel/{secret}/greeting}: what the person who picked up hears. */
public final class ExotelGreetingHandler extends ApiHandler {

    public ExotelGreetingHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public ExotelGreetingHandler(Wiring wiring) {
        super(wiring, Wiring::greetingWebhook);
    }
}
