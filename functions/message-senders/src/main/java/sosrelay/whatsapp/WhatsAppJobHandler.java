package sosrelay.whatsapp;

import sosrelay.wiring.SqsJobHandler;
import sosrelay.wiring.Wiring;

/** SQS worker: sends one GupShup WhatsApp template message per job, the jobs of a batch side by side. */
public final class WhatsAppJobHandler extends SqsJobHandler {

    public WhatsAppJobHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public WhatsAppJobHandler(Wiring wiring) {
        super(wiring, Wiring::whatsAppJobs);
    }
}
