package sosrelay.api;

import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/** The device-facing function's routes: {@code /v1/heartbeats/{source}} to the heartbeats, the rest to the incidents. */
public final class DeviceApi implements Webhook {
    private final IncidentApi incidents;
    private final HeartbeatApi heartbeats;

    public DeviceApi(IncidentApi incidents, HeartbeatApi heartbeats) {
        this.incidents = incidents;
        this.heartbeats = heartbeats;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        return request.pathParameter("source") != null ? heartbeats.handle(request) : incidents.handle(request);
    }
}
