package sosrelay.api;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code POST|GET /v1/incidents}, {@code GET /v1/incidents/{id}}, {@code POST …/resolve}, {@code POST /v1/heartbeats/{source}}: API keys. */
public final class IncidentApiHandler extends ApiHandler {

    public IncidentApiHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public IncidentApiHandler(Wiring wiring) {
        super(wiring, Wiring::deviceApi);
    }
}
