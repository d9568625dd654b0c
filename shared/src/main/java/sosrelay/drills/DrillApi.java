package sosrelay.drills;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Directory;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.EmergencyType;
import sosrelay.directory.Person;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
import sosrelay.incident.IncidentList;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Timeline;
import sosrelay.incident.Trigger;
import sosrelay.json.Json;
import sosrelay.log.Log;
import sosrelay.quota.Quotas;
import sosrelay.raise.IncidentRaiser;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/**
 * Knowing it works before it matters, for a signed-in operator: {@code POST /v1/people/{personId}/test-call}
 * rings one person ({@link TestCall}); {@code POST /v1/drills {"type":"Heart"}} runs a type's whole chain as a
 * {@link Drill}, and {@code GET /v1/drills/{drillId}} reports it ({@link DrillReport}). Behind the API's Cognito
 * authorizer only: no device key starts one. A stolen operator session must not turn them into a way to harass
 * people or tie up a chain: one test call per person per {@link #TEST_CALL_GAP}, {@link #OPERATOR_HOURLY} test calls
 * and drills per operator per clock hour (429 beyond either, nobody rung), and no drill of a type while a real
 * incident of that type raised in the last {@link #REAL_INCIDENT_LOOK_BACK} is not resolved (409).
 */
public final class DrillApi implements Webhook {
    static final Duration TEST_CALL_GAP = Duration.ofMinutes(10);
    static final int OPERATOR_HOURLY = 20;
    /** How far back a real incident still holds its type's drills off: an incident nobody resolved must not stop them for good. */
    static final Duration REAL_INCIDENT_LOOK_BACK = Duration.ofHours(24);

    private final DirectoryStore directory;
    private final IncidentRaiser raiser;
    private final IncidentStore incidents;
    private final IncidentProgress progress;
    private final DeliveryStore deliveries;
    private final Timeline timeline;
    private final IncidentList list;
    private final Quotas quotas;
    private final Clock clock;

    public DrillApi(DirectoryStore directory, IncidentRaiser raiser, IncidentStore incidents, IncidentProgress progress,
                    DeliveryStore deliveries, Timeline timeline, IncidentList list, Quotas quotas, Clock clock) {
        this.directory = directory;
        this.raiser = raiser;
        this.incidents = incidents;
        this.progress = progress;
        this.deliveries = deliveries;
        this.timeline = timeline;
        this.list = list;
        this.quotas = quotas;
        this.clock = clock;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (request.operator() == null) {
            return errors(401, List.of("sign in as an operator: drills and test calls take the board's token, not an API key"));
        }
        String personId = request.pathParameter("personId");
        String drillId = request.pathParameter("drillId");
        try {
            if (personId != null && "POST".equals(request.method())) {
                return testCall(personId, request.operator());
            }
            if (drillId != null && "GET".equals(request.method())) {
                return report(drillId);
            }
            if (personId == null && drillId == null && "POST".equals(request.method())) {
                return start(request);
            }
            return errors(404, List.of("no such route: " + request.method()));
        } catch (RuntimeException e) {
            Log.error("drill-api.failed", "method", request.method(), "error", e);
            return errors(503, List.of("the request could not be completed; try again"));
        }
    }

    private WebResponse testCall(String personId, String operator) {
        Person person = directory.current().people().get(personId);
        if (person == null) {
            return errors(404, List.of("no person " + (personId.length() > 40 ? personId.substring(0, 40) + "..." : personId)));
        }
        if (!quotas.takeHourly("operator:" + operator, OPERATOR_HOURLY)) {
            return overQuota(operator);
        }
        if (!quotas.takeOnceIn("test-call:" + personId, TEST_CALL_GAP)) {
            Log.warn("test-call.too-soon", "personId", personId, "by", operator);
            return errors(429, List.of(person.name() + " had a test call less than " + TEST_CALL_GAP.toMinutes()
                    + " minutes ago: one test call per person per " + TEST_CALL_GAP.toMinutes() + " minutes"));
        }
        Incident call = TestCall.of(person, operator, clock.instant());
        IncidentRaiser.Result result = raiser.raise(call);
        Log.info("test-call.started", "incidentId", result.incidentId(), "personId", personId, "by", operator);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incidentId", result.incidentId());
        answer.put("personId", personId);
        answer.put("status", "calling");
        return WebResponse.json(202, Json.write(answer));
    }

    private WebResponse start(WebRequest request) {
        Object type;
        try {
            String body = request.bodyText();
            type = body.length() > 4096 ? null : Json.readObject(body).get("type");
        } catch (IllegalArgumentException notJson) {
            type = null;
        }
        Directory current = directory.current();
        EmergencyType chosen = type instanceof String name ? current.types().get(name) : null;
        if (chosen == null) {
            return errors(400, List.of("the body must name a type of the directory, such as {\"type\":\"" + current.defaultType()
                    + "\"}; its types: " + String.join(", ", current.types().keySet())));
        }
        if (list.unresolvedOfTypeSince(chosen.name(), clock.instant().minus(REAL_INCIDENT_LOOK_BACK))) {
            Log.warn("drill.refused-real-incident", "type", chosen.name(), "by", request.operator());
            return errors(409, List.of("a real " + chosen.name() + " incident is not resolved yet: no " + chosen.name()
                    + " drill until it is"));
        }
        if (!quotas.takeHourly("operator:" + request.operator(), OPERATOR_HOURLY)) {
            return overQuota(request.operator());
        }
        IncidentRaiser.Result result = raiser.raise(Drill.of(chosen, current, request.operator(), clock.instant()));
        Log.info("drill.started", "drillId", result.incidentId(), "type", chosen.name(), "by", request.operator());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("drillId", result.incidentId());
        answer.put("type", chosen.name());
        answer.put("jobs", result.jobsQueued());
        return WebResponse.json(202, Json.write(answer));
    }

    private WebResponse report(String drillId) {
        Optional<Incident> drill = IncidentIds.isValid(drillId)
                ? incidents.find(drillId).filter(i -> Trigger.DRILL.equals(i.trigger().source()))
                : Optional.empty();
        Optional<IncidentProgress.State> state = drill.isEmpty() ? Optional.empty() : progress.state(drillId);
        if (state.isEmpty()) {
            return errors(404, List.of("no drill " + (drillId.length() > 40 ? drillId.substring(0, 40) + "..." : drillId)));
        }
        return WebResponse.json(200, Json.write(DrillReport.of(drill.get(), state.get(), progress.acknowledgers(drillId),
                progress.decliners(drillId), deliveries.forIncident(drillId), timeline.read(drillId))));
    }

    private static WebResponse overQuota(String operator) {
        Log.warn("drill-api.operator-quota", "by", operator, "limit", OPERATOR_HOURLY);
        return errors(429, List.of("operator quota reached: " + OPERATOR_HOURLY + " test calls and drills an hour; try again next hour"));
    }

    private static WebResponse errors(int status, List<String> problems) {
        return WebResponse.json(status, Json.write(Map.of("errors", problems)));
    }
}
