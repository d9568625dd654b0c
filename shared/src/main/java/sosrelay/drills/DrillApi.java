package sosrelay.drills;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.Person;
import sosrelay.incident.Incident;
import sosrelay.json.Json;
import sosrelay.log.Log;
import sosrelay.raise.IncidentRaiser;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/**
 * Knowing it works before it matters, for a signed-in operator: {@code POST /v1/people/{personId}/test-call}
 * rings one person ({@link TestCall}). Behind the API's Cognito authorizer only: no device key starts one.
 */
public final class DrillApi implements Webhook {
    private final DirectoryStore directory;
    private final IncidentRaiser raiser;
    private final Clock clock;

    public DrillApi(DirectoryStore directory, IncidentRaiser raiser, Clock clock) {
        this.directory = directory;
        this.raiser = raiser;
        this.clock = clock;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (request.operator() == null) {
            return errors(401, List.of("sign in as an operator: drills and test calls take the board's token, not an API key"));
        }
        String personId = request.pathParameter("personId");
        try {
            if (personId != null && "POST".equals(request.method())) {
                return testCall(personId, request.operator());
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
        Incident call = TestCall.of(person, operator, clock.instant());
        IncidentRaiser.Result result = raiser.raise(call);
        Log.info("test-call.started", "incidentId", result.incidentId(), "personId", personId, "by", operator);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("incidentId", result.incidentId());
        answer.put("personId", personId);
        answer.put("status", "calling");
        return WebResponse.json(202, Json.write(answer));
    }

    private static WebResponse errors(int status, List<String> problems) {
        return WebResponse.json(status, Json.write(Map.of("errors", problems)));
    }
}
