package sosrelay.api;

import sosrelay.wiring.ApiHandler;
import sosrelay.wiring.Wiring;

/** {@code POST /v1/incidents}, {@code GET /v1/incidents/{id}}, {@code POST /v1/incidents/{id}/resolve}, behind API keys. */
public final class IncidentApiHandler extends ApiHandler {

    public IncidentApiHandler() {
        this(Wiring.fromEnvironment());
        primeBeforeSnapshot();
    }

    public IncidentApiHandler(Wiring wiring) {
        super(wiring, Wiring::incidentApi);
    }
}
