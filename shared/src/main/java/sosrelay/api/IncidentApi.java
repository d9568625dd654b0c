package sosrelay.api;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import sosrelay.ack.Acknowledgements;
import sosrelay.delivery.DeliveryStatus;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Directory;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.MaintenanceWindow;
import sosrelay.directory.TypeChoice;
import sosrelay.incident.AcceptanceTimes;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
import sosrelay.incident.IncidentList;
import sosrelay.incident.IncidentProgress;
import sosrelay.raise.IncidentRaiser;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.OpenIncidentSlots;
import sosrelay.directory.PhoneNumbers;
import sosrelay.incident.Recording;
import sosrelay.incident.BucketRecordingPolicy;
import sosrelay.incident.Timeline;
import sosrelay.incident.Trigger;
import sosrelay.json.Json;
import sosrelay.log.Log;
import sosrelay.metrics.OperatorSignals;
import sosrelay.quota.Quotas;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/**
 * The incident API for devices and dashboards: {@code POST /v1/incidents} raises one (202 with its
 * id), {@code GET /v1/incidents} lists recent ones (newest first, by status and type, a page at a
 * time), {@code GET /v1/incidents/{id}} tells its whole story, {@code POST /v1/incidents/{id}/resolve}
 * closes it, stops everything pending and stands down whoever has not acknowledged. API Gateway
 * checks the {@code x-api-key}; a request that reaches us without one is refused all the same.
 *
 * <p>A device key owns the incidents it raised: it reads and resolves those, and gets 404 for any
 * other (so an id is not even confirmed to exist); it holds at most {@link OpenIncidentSlots#limit()}
 * open at a time. Operator keys (their ids in {@code OPERATOR_API_KEY_IDS}) read, resolve and list every incident.
 */
public final class IncidentApi implements Webhook {
    static final String SOURCE = "device";

    private final DirectoryStore directory;
    private final BucketRecordingPolicy recordings;
    private final IncidentRaiser raiser;
    private final IncidentStore incidents;
    private final DeliveryStore deliveries;
    private final IncidentProgress progress;
    private final Timeline timeline;
    private final AcceptanceTimes acceptanceTimes;
    private final IncidentList list;
    private final Acknowledgements acknowledgements;
    private final OpenIncidentSlots openSlots;
    private final Quotas quotas;
    private final int raisesPerHour;
    private final Set<String> operatorKeyIds;
    private final Clock clock;

    public IncidentApi(DirectoryStore directory, BucketRecordingPolicy recordings, IncidentRaiser raiser, IncidentStore incidents,
                       DeliveryStore deliveries, IncidentProgress progress, Timeline timeline, AcceptanceTimes acceptanceTimes,
                       IncidentList list, Acknowledgements acknowledgements, OpenIncidentSlots openSlots, Quotas quotas,
                       int raisesPerHour, Set<String> operatorKeyIds, Clock clock) {
        this.openSlots = openSlots;
        this.quotas = quotas;
        this.raisesPerHour = raisesPerHour;
        this.operatorKeyIds = Set.copyOf(operatorKeyIds);
        this.list = list;
        this.acknowledgements = acknowledgements;
        this.directory = directory;
        this.recordings = recordings;
        this.raiser = raiser;
        this.incidents = incidents;
        this.deliveries = deliveries;
        this.progress = progress;
        this.timeline = timeline;
        this.acceptanceTimes = acceptanceTimes;
        this.clock = clock;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (request.apiKeyId() == null && request.operator() == null) {
            return errors(401, List.of("missing or unknown API key: send it in the x-api-key header"));
        }
        String id = request.pathParameter("id");
        try {
            if ("POST".equals(request.method()) && id == null) {
                return request.apiKeyId() == null
                        ? errors(403, List.of("incidents are raised with a device's API key; an operator's sign-in never raises one"))
                        : raise(request);
            }
            if ("GET".equals(request.method()) && id != null) {
                return view(id, request);
            }
            if ("GET".equals(request.method())) {
                return isOperator(request)
                        ? list(request)
                        : errors(403, List.of("listing incidents needs an operator key; a device key reads its own incidents by id"));
            }
            if ("POST".equals(request.method()) && id != null) {
                return resolve(id, request);
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
        Directory.DeviceTypeChoice forKey = dir.chooseTypeForDevice(request.apiKeyId(), body.type());
        if (forKey.refusal() != null) {
            Log.warn("incident-api.type-refused", "apiKeyId", request.apiKeyId(), "reason", forKey.refusal());
            return errors(403, List.of(forKey.refusal()));
        }
        TypeChoice type = forKey.choice();
        BucketRecordingPolicy.Verdict recording = ownRecording(recordings.check(body.recordingUrl()), request.apiKeyId());
        String incidentId = body.dedupKey() == null
                ? IncidentIds.random()
                : IncidentIds.forSource(SOURCE + ":" + request.apiKeyId(), body.dedupKey());
        // reportTo hears responders' names: only someone in the directory, or a number it lists for this key.
        boolean reportToRefused = body.reportTo() != null && !dir.mayReportTo(request.apiKeyId(), body.reportTo());
        Trigger trigger = new Trigger(SOURCE, body.dedupKey(), body.source() == null ? "a device" : body.source(),
                clock.instant(), body.message(), body.location(), reportToRefused ? null : body.reportTo(), request.apiKeyId());
        if (!openSlots.take(request.apiKeyId(), incidentId)) {
            Log.warn("incident-api.open-limit", "apiKeyId", request.apiKeyId(), "limit", openSlots.limit());
            OperatorSignals.raiseRefused(request.apiKeyId(), "open-incident-limit");
            return errors(429, List.of("open incident limit reached: this API key already has " + openSlots.limit()
                    + " open incidents (the limit); acknowledge or resolve one, or wait up to "
                    + openSlots.holdFor().toMinutes() + " minutes"));
        }
        // Raise, resolve, repeat would stay under the open-incident cap: new incidents are also counted per hour.
        boolean fresh = body.dedupKey() == null || progress.state(incidentId).isEmpty();
        if (fresh && !quotas.takeHourly("key:" + request.apiKeyId(), raisesPerHour)) {
            openSlots.release(request.apiKeyId(), incidentId);
            Log.warn("incident-api.hourly-limit", "apiKeyId", request.apiKeyId(), "limit", raisesPerHour);
            OperatorSignals.raiseRefused(request.apiKeyId(), "hourly-raise-limit");
            return errors(429, List.of("hourly raise limit reached: this API key has raised " + raisesPerHour
                    + " incidents this hour (the limit); the count starts again at the next full hour (UTC)"));
        }
        Incident incident = Incident.of(incidentId, trigger, type, new Recording(null, null, recording.refusal(), recording.key()), dir, null)
                .ownedBy(request.apiKeyId());
        MaintenanceWindow window = dir.maintenanceFor(clock.instant(), type.type().name(), null, body.source());
        IncidentRaiser.Result result = raiser.raise(window == null ? incident : incident.inMaintenance(window.describe()));

        if (!result.raised().mustDispatch() && !progress.state(incidentId).map(IncidentProgress.State::open).orElse(false)) {
            // A repeat of an incident already closed: it holds no slot.
            openSlots.release(request.apiKeyId(), incidentId);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incidentId", result.incidentId());
        answer.put("status", result.raised().mustDispatch() ? "raised" : "repeat");
        answer.put("type", type.type().name());
        if (window != null) {
            answer.put("maintenance", window.describe());
        }
        Optional.ofNullable(result.nobodyRung()).ifPresent(why -> answer.put("nobodyRung", why + " (the operators are paged)"));
        Optional.ofNullable(type.note()).ifPresent(note -> answer.put("typeNote", note));
        List<String> warnings = new java.util.ArrayList<>(body.warnings());
        Optional.ofNullable(recording.refusal()).ifPresent(warnings::add);
        if (reportToRefused) {
            warnings.add("reportTo " + PhoneNumbers.mask(body.reportTo()) + " refused: it is no one in the directory, nor a number"
                    + " the directory lists for this key (devices: reportTo); nobody is reported back to");
        }
        if (!warnings.isEmpty()) {
            answer.put("warnings", warnings);
        }
        return WebResponse.json(202, Json.write(answer));
    }

    private WebResponse view(String id, WebRequest request) {
        if (!IncidentIds.isValid(id)) {
            return notAnId(id);
        }
        Optional<Incident> incident = incidents.find(id).filter(found -> mayAccess(request, found));
        Optional<IncidentProgress.State> state = incident.isEmpty() ? Optional.empty() : progress.state(id);
        if (incident.isEmpty() || state.isEmpty()) {
            return errors(404, List.of("no incident " + id));
        }
        List<DeliveryStatus> delivered = deliveries.forIncident(id);
        AcceptanceTimes.Times acceptances = acceptanceTimes.read(id).map(times -> times.including(
                delivered.stream().map(DeliveryStatus::firstAcceptedAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null),
                delivered.stream().map(DeliveryStatus::lastAcceptedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null)))
                .orElse(null);
        return WebResponse.json(200, Json.write(IncidentView.of(incident.get(), state.get(), progress.acknowledgers(id), progress.decliners(id),
                delivered, timeline.read(id), acceptances, isOperator(request))));
    }

    private WebResponse resolve(String id, WebRequest request) {
        if (!IncidentIds.isValid(id)) {
            return notAnId(id);
        }
        Optional<Incident> incident = incidents.find(id).filter(found -> mayAccess(request, found));
        if (incident.isEmpty() || progress.state(id).isEmpty()) {
            return errors(404, List.of("no incident " + id));
        }
        if (!progress.resolve(id)) {
            return errors(409, List.of("incident " + id + " is already resolved"));
        }
        Optional.ofNullable(incident.get().raisedBy()).ifPresent(owner -> openSlots.release(owner, id));
        timeline.record(id, "resolved", "by", request.operator() != null ? "operator:" + request.operator() : request.apiKeyId(),
                "operator", isOperator(request));
        acknowledgements.resolved(id);
        return WebResponse.json(200, Json.write(Map.of("incidentId", id, "status", IncidentProgress.RESOLVED)));
    }

    private WebResponse list(WebRequest request) {
        String status = request.parameter("status");
        String type = request.parameter("type");
        String limitText = request.parameter("limit");
        List<String> problems = new java.util.ArrayList<>();
        if (status != null && !List.of(IncidentProgress.OPEN, IncidentProgress.ACKNOWLEDGED, IncidentProgress.RESOLVED,
                IncidentProgress.UNANSWERED).contains(status)) {
            problems.add("status must be open, acknowledged, unanswered or resolved, not '" + shorten(status) + "'");
        }
        int limit = 20;
        if (limitText != null) {
            if (!limitText.matches("\\d{1,3}") || Integer.parseInt(limitText) < 1 || Integer.parseInt(limitText) > IncidentList.MAX_PAGE) {
                problems.add("limit must be a whole number from 1 to " + IncidentList.MAX_PAGE);
            } else {
                limit = Integer.parseInt(limitText);
            }
        }
        if (!problems.isEmpty()) {
            return errors(400, problems);
        }
        IncidentList.Page page;
        try {
            page = list.recent(status, type, limit, request.parameter("after"));
        } catch (IllegalArgumentException badToken) {
            return errors(400, List.of(badToken.getMessage()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incidents", page.incidents().stream().map(i -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("incidentId", i.incidentId());
            row.put("type", i.type());
            row.put("status", i.status());
            row.put("createdAt", i.createdAt());
            row.put("source", i.source());
            row.put("reporter", PhoneNumbers.maskIfNumber(i.reporter()));
            if (i.maintenance() != null) {
                row.put("maintenance", i.maintenance());
            }
            return row;
        }).toList());
        if (page.next() != null) {
            answer.put("next", page.next());
        }
        return WebResponse.json(200, Json.write(answer));
    }


    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** Its own incidents for a device key, every incident for an operator key or a signed-in operator. */
    /** A key of ours names the incident it was written for: another key's (or a Passthru's) recording is not this key's to play. */
    private BucketRecordingPolicy.Verdict ownRecording(BucketRecordingPolicy.Verdict verdict, String apiKeyId) {
        if (verdict.key() == null) {
            return verdict;
        }
        String writtenFor = BucketRecordingPolicy.incidentOf(verdict.key());
        boolean owned = writtenFor != null && incidents.find(writtenFor).map(Incident::raisedBy).filter(apiKeyId::equals).isPresent();
        return owned ? verdict : recordings.notOwned(verdict.key());
    }

    private boolean mayAccess(WebRequest request, Incident incident) {
        return isOperator(request) || request.apiKeyId().equals(incident.raisedBy());
    }

    private boolean isOperator(WebRequest request) {
        return request.operator() != null || operatorKeyIds.contains(request.apiKeyId());
    }

    private static WebResponse notAnId(String id) {
        return errors(400, List.of("'" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "' is not an incident id"));
    }

    private static WebResponse errors(int status, List<String> problems) {
        return WebResponse.json(status, Json.write(Map.of("errors", problems)));
    }
}
