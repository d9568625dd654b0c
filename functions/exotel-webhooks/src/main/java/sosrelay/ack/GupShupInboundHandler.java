package sosrelay.ack;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code POST|GET /gupshup/{secret}/inbound}: a WhatsApp reply with the alert's code acknowledges it. */
public final class GupShupInboundHandler extends ApiHandler {

    public GupShupInboundHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public GupShupInboundHandler(Wiring wiring) {
        super(wiring, Wiring::whatsAppReplyWebhook);
    }
}
