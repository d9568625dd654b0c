package sosrelay.drills;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** Test calls and drills for a signed-in operator: {@code /v1/people/{personId}/test-call}, {@code /v1/drills}. */
public final class DrillApiHandler extends ApiHandler {

    public DrillApiHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public DrillApiHandler(Wiring wiring) {
        super(wiring, Wiring::drillApi);
    }
}
