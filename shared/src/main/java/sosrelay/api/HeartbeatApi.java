package sosrelay.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.heartbeat.Heartbeats;
import sosrelay.json.Json;
import sosrelay.log.Log;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/** {@code POST /v1/heartbeats/{source}}: a device says it is alive, with its API key (see {@link Heartbeats}). */
public final class HeartbeatApi implements Webhook {
    private final Heartbeats heartbeats;

    public HeartbeatApi(Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (request.apiKeyId() == null) {
            return WebResponse.errors(401, List.of("missing or unknown API key: send it in the x-api-key header"));
        }
        if (!"POST".equals(request.method())) {
            return WebResponse.errors(405, List.of("a heartbeat is a POST"));
        }
        String source = request.pathParameter("source");
        try {
            Heartbeats.Beat beat = heartbeats.beat(source, request.apiKeyId());
            if (beat.refusal() != null) {
                Log.warn("heartbeat.refused", "apiKeyId", request.apiKeyId(), "reason", beat.refusal());
                return WebResponse.errors(beat.status(), List.of(beat.refusal()));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("source", source);
            answer.put("status", "recorded");
            if (beat.closedIncidentId() != null) {
                answer.put("resolvedIncidentId", beat.closedIncidentId());
            }
            return WebResponse.json(200, Json.write(answer));
        } catch (RuntimeException e) {
            Log.error("heartbeat.failed", "error", e);
            return WebResponse.errors(503, List.of("the heartbeat could not be recorded; send the next one as usual"));
        }
    }
}
