package sosrelay.callbacks;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code POST|GET /gupshup/{secret}/delivery}: GupShup's delivery reports move WhatsApp deliveries on. */
public final class GupShupDeliveryHandler extends ApiHandler {

    public GupShupDeliveryHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public GupShupDeliveryHandler(Wiring wiring) {
        super(wiring, Wiring::gupShupDeliveryWebhook);
    }
}
