package sosrelay.api;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Directory;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.TypeChoice;
import sosrelay.incident.AcceptanceTimes;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.IncidentRaiser;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.OpenIncidentSlots;
import sosrelay.incident.Recording;
import sosrelay.incident.RecordingPolicy;
import sosrelay.incident.Timeline;
import sosrelay.incident.Trigger;
import sosrelay.json.Json;
import sosrelay.log.Log;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/**
 * The incident API for devices and dashboards: {@code POST /v1/incidents} raises one (202 with its
 * id), {@code GET /v1/incidents/{id}} tells its whole story, {@code POST /v1/incidents/{id}/resolve}
 * closes it and stops everything pending. API Gateway checks the {@code x-api-key}; a request that
 * reaches us without one is refused all the same.
 *
 * <p>A device key owns the incidents it raised: it reads and resolves those, and gets 404 for any
 * other (so an id is not even confirmed to exist); it holds at most {@link OpenIncidentSlots#limit()}
 * open at a time. Operator keys (their ids in {@code OPERATOR_API_KEY_IDS}) read and resolve every incident.
 */
public final class IncidentApi implements Webhook {
    static final String SOURCE = "device";

    private final DirectoryStore directory;
    private final RecordingPolicy recordings;
    private final IncidentRaiser raiser;
    private final IncidentStore incidents;
    private final DeliveryStore deliveries;
    private final IncidentProgress progress;
    private final Timeline timeline;
    private final AcceptanceTimes acceptanceTimes;
    private final OpenIncidentSlots openSlots;
    private final Set<String> operatorKeyIds;
    private final Clock clock;

    public IncidentApi(DirectoryStore directory, RecordingPolicy recordings, IncidentRaiser raiser, IncidentStore incidents,
                       DeliveryStore deliveries, IncidentProgress progress, Timeline timeline, AcceptanceTimes acceptanceTimes,
                       OpenIncidentSlots openSlots, Set<String> operatorKeyIds, Clock clock) {
        this.directory = directory;
        this.recordings = recordings;
        this.raiser = raiser;
        this.incidents = incidents;
        this.deliveries = deliveries;
        this.progress = progress;
        this.timeline = timeline;
        this.acceptanceTimes = acceptanceTimes;
        this.openSlots = openSlots;
        this.operatorKeyIds = Set.copyOf(operatorKeyIds);
        this.clock = clock;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (request.apiKeyId() == null) {
            return errors(401, List.of("missing or unknown API key: send it in the x-api-key header"));
        }
        String id = request.pathParameter("id");
        try {
            if ("POST".equals(request.method()) && id == null) {
                return raise(request);
            }
            if ("GET".equals(request.method()) && id != null) {
                return view(id, request.apiKeyId());
            }
            if ("POST".equals(request.method()) && id != null) {
                return resolve(id, request.apiKeyId());
            }
            return errors(404, List.of("no such route: " + request.method() + (id == null ? " /v1/incidents" : " /v1/incidents/{id}")));
        } catch (RuntimeException e) {
            Log.error("incident-api.failed", "method", request.method(), "error", e);
            return errors(503, List.of("the request could not be completed; try again"));
        }
    }

    private WebResponse raise(WebRequest request) {
        DeviceIncidentRequest body;
        try {
            body = DeviceIncidentRequest.parse(request.bodyText());
        } catch (DeviceIncidentRequest.Invalid invalid) {
            return errors(400, invalid.problems());
        }
        Directory dir = directory.current();
        TypeChoice type = dir.chooseType(body.type(), null);
        RecordingPolicy.Verdict recording = recordings.check(body.recordingUrl());
        String incidentId = body.dedupKey() == null
                ? IncidentIds.random()
                : IncidentIds.forSource(SOURCE + ":" + request.apiKeyId(), body.dedupKey());
        Trigger trigger = new Trigger(SOURCE, body.dedupKey(), body.source() == null ? "a device" : body.source(),
                clock.instant(), body.message(), body.location());
        if (!openSlots.take(request.apiKeyId(), incidentId)) {
            Log.warn("incident-api.open-limit", "apiKeyId", request.apiKeyId(), "limit", openSlots.limit());
            return errors(429, List.of("open incident limit reached: this API key already has " + openSlots.limit()
                    + " open incidents (the limit); acknowledge or resolve one, or wait up to "
                    + openSlots.holdFor().toMinutes() + " minutes"));
        }
        IncidentRaiser.Result result = raiser.raise(Incident.of(incidentId, trigger, type,
                new Recording(recording.url(), null, recording.refusal()), dir, null).ownedBy(request.apiKeyId()));

        if (!result.raised().mustDispatch() && !progress.state(incidentId).map(IncidentProgress.State::open).orElse(false)) {
            // A repeat of an incident already closed: it holds no slot.
            openSlots.release(request.apiKeyId(), incidentId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incidentId", result.incidentId());
        answer.put("status", result.raised().mustDispatch() ? "raised" : "repeat");
        answer.put("type", type.type().name());
        Optional.ofNullable(type.note()).ifPresent(note -> answer.put("typeNote", note));
        List<String> warnings = new java.util.ArrayList<>(body.warnings());
        Optional.ofNullable(recording.refusal()).ifPresent(warnings::add);
        if (!warnings.isEmpty()) {
            answer.put("warnings", warnings);
        }
        return WebResponse.json(202, Json.write(answer));
    }

    private WebResponse view(String id, String keyId) {
        if (!IncidentIds.isValid(id)) {
            return notAnId(id);
        }
        Optional<Incident> incident = incidents.find(id).filter(found -> mayAccess(keyId, found));
        Optional<IncidentProgress.State> state = incident.isEmpty() ? Optional.empty() : progress.state(id);
        if (incident.isEmpty() || state.isEmpty()) {
            return errors(404, List.of("no incident " + id));
        }
        return WebResponse.json(200, Json.write(IncidentView.of(incident.get(), state.get(), progress.acknowledgers(id),
                deliveries.forIncident(id), timeline.read(id), acceptanceTimes.read(id).orElse(null))));
    }

    private WebResponse resolve(String id, String byKey) {
        if (!IncidentIds.isValid(id)) {
            return notAnId(id);
        }
        Optional<Incident> incident = incidents.find(id).filter(found -> mayAccess(byKey, found));
        if (incident.isEmpty() || progress.state(id).isEmpty()) {
            return errors(404, List.of("no incident " + id));
        }
        if (!progress.resolve(id)) {
            return errors(409, List.of("incident " + id + " is already resolved"));
        }
        Optional.ofNullable(incident.get().raisedBy()).ifPresent(owner -> openSlots.release(owner, id));
        timeline.record(id, "resolved", "by", byKey, "operator", operatorKeyIds.contains(byKey));
        return WebResponse.json(200, Json.write(Map.of("incidentId", id, "status", IncidentProgress.RESOLVED)));
    }

    /** Its own incidents for a device key, every incident for an operator key. */
    private boolean mayAccess(String keyId, Incident incident) {
        return operatorKeyIds.contains(keyId) || keyId.equals(incident.raisedBy());
    }

    private static WebResponse notAnId(String id) {
        return errors(400, List.of("'" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "' is not an incident id"));
    }

    private static WebResponse errors(int status, List<String> problems) {
        return WebResponse.json(status, Json.write(Map.of("errors", problems)));
    }
}
