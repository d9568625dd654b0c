package sosrelay.sms;

import sosrelay.wiring.SqsJobHandler;
import sosrelay.wiring.Wiring;

/** SQS worker: sends one Exotel SMS per job, the jobs of a batch side by side. */
public final class SmsJobHandler extends SqsJobHandler {

    public SmsJobHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public SmsJobHandler(Wiring wiring) {
        super(wiring, Wiring::smsJobs);
    }
}
