package sosrelay.sms;

import sosrelay.wiring.ChannelJobHandler;
import sosrelay.wiring.Wiring;

/** SQS worker: sends one Exotel SMS per job, the jobs of a batch side by side. */
public final class SmsJobHandler extends ChannelJobHandler {

    public SmsJobHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public SmsJobHandler(Wiring wiring) {
        super(wiring, Wiring::smsJobs);
    }
}
