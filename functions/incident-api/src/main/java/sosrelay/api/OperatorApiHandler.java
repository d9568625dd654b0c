package sosrelay.api;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** Roster overrides, who is on duty, maintenance windows: {@code /v1/rosters/...} and {@code /v1/maintenance}, behind API keys. */
public final class OperatorApiHandler extends ApiHandler {

    public OperatorApiHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public OperatorApiHandler(Wiring wiring) {
        super(wiring, Wiring::operatorApi);
    }
}
