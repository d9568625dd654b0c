package sosrelay.api;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sosrelay.directory.Directory;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.InvalidDirectoryException;
import sosrelay.directory.MaintenanceParser;
import sosrelay.directory.MaintenanceWindow;
import sosrelay.directory.Person;
import sosrelay.directory.Roster;
import sosrelay.directory.RosterOverride;
import sosrelay.directory.RosterParser;
import sosrelay.json.Json;
import sosrelay.log.Log;
import sosrelay.metrics.OperatorSignals;
import sosrelay.people.ReachedPeople;
import sosrelay.web.WebRequest;
import sosrelay.web.WebResponse;
import sosrelay.web.Webhook;

/**
 * What operators change without re-importing the directory: {@code POST /v1/rosters/{id}/overrides}
 * (a swap at 2 a.m.), {@code DELETE /v1/rosters/{id}/overrides/{overrideId}},
 * {@code GET /v1/rosters/{id}/on-duty?at=…} (who a tier naming the roster would ring), and
 * {@code POST /v1/maintenance} (at most 24 h; what machines raise at normal priority in it rings nobody; the operators
 * are paged), {@code DELETE /v1/maintenance/{windowId}}, and {@code GET /v1/desk} (rosters on
 * duty now and next, people: {@link DeskView}). Behind operator API keys, or a signed-in operator on the
 * board's routes. A change reaches every function within the directory cache's lifetime (30 s).
 */
public final class OperatorApi implements Webhook {
    private final DirectoryStore directory;
    private final ReachedPeople reached;
    private final Set<String> operatorKeyIds;
    private final Map<String, String> noticesOff;
    private final Clock clock;

    /** {@code operatorKeyIds}: the keys allowed here; a device key must not move a roster or silence a type. */
    /** {@code noticesOff}: the SMS notices with no DLT template id ({@code Settings.SmsNoticesOff}), shown on the desk. */
    public OperatorApi(DirectoryStore directory, ReachedPeople reached, Set<String> operatorKeyIds, Map<String, String> noticesOff,
                       Clock clock) {
        this.noticesOff = Map.copyOf(noticesOff);
        this.directory = directory;
        this.reached = reached;
        this.operatorKeyIds = Set.copyOf(operatorKeyIds);
        this.clock = clock;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        if (request.apiKeyId() == null && request.operator() == null) {
            return errors(401, List.of("missing or unknown API key: send it in the x-api-key header"));
        }
        if (request.operator() == null && !operatorKeyIds.contains(request.apiKeyId())) {
            return errors(403, List.of("rosters, overrides and maintenance windows need an operator key; a device key only raises and reads its own incidents"));
        }
        String roster = request.pathParameter("id");
        String overrideId = request.pathParameter("overrideId");
        String windowId = request.pathParameter("windowId");
        try {
            if (windowId != null && "DELETE".equals(request.method())) {
                boolean removed = directory.removeMaintenance(windowId);
                Log.info("maintenance.removed", "id", shorten(windowId), "removed", removed, "by", by(request));
                return removed ? WebResponse.json(200, Json.write(Map.of("removed", windowId)))
                        : errors(404, List.of("no maintenance window " + shorten(windowId) + " added through the API"));
            }
            if (roster == null && "POST".equals(request.method())) {
                return addMaintenance(request);
            }
            if (roster == null && "GET".equals(request.method())) {
                return WebResponse.json(200, Json.write(DeskView.of(directory.current(), reached.all(), noticesOff, clock.instant())));
            }
            if (roster != null && "GET".equals(request.method())) {
                return onDuty(roster, request);
            }
            if (roster != null && overrideId == null && "POST".equals(request.method())) {
                return addOverride(roster, request);
            }
            if (roster != null && overrideId != null && "DELETE".equals(request.method())) {
                return directory.removeOverride(roster, overrideId)
                        ? WebResponse.json(200, Json.write(Map.of("roster", roster, "removed", overrideId)))
                        : errors(404, List.of("roster " + shorten(roster) + " has no override " + shorten(overrideId)));
            }
            return errors(404, List.of("no such route: " + request.method()));
        } catch (InvalidDirectoryException invalid) {
            return errors(400, invalid.problems());
        } catch (IllegalArgumentException unknown) {
            return errors(404, List.of(unknown.getMessage()));
        } catch (RuntimeException e) {
            Log.error("operator-api.failed", "method", request.method(), "error", e);
            return errors(503, List.of("the request could not be completed; try again"));
        }
    }

    private WebResponse addOverride(String rosterId, WebRequest request) {
        Object body = body(request);
        if (body == null) {
            return errors(400, List.of("the body must be a JSON object such as {\"person\":\"dr-khan\",\"from\":\"2026-11-25T20:00:00+05:30\","
                    + "\"to\":\"2026-11-26T08:00:00+05:30\",\"reason\":\"swap\"}"));
        }
        RosterOverride added = directory.addOverride(rosterId, body);
        Log.info("roster.override-added", "roster", rosterId, "overrideId", added.id(), "person", added.person(), "by", by(request));
        Map<String, Object> answer = new LinkedHashMap<>(RosterParser.overrideDocument(added));
        answer.put("roster", rosterId);
        return WebResponse.json(201, Json.write(answer));
    }

    private WebResponse addMaintenance(WebRequest request) {
        Object body = body(request);
        if (body == null) {
            return errors(400, List.of("the body must be a JSON object such as {\"alarms\":[\"db-*\"],\"from\":\"…\",\"to\":\"…\"}"));
        }
        MaintenanceWindow added = directory.addMaintenance(body);
        Log.info("maintenance.added", "id", added.id(), "by", by(request));
        OperatorSignals.maintenanceOpened(added.id());
        return WebResponse.json(201, Json.write(MaintenanceParser.document(added)));
    }

    private WebResponse onDuty(String rosterId, WebRequest request) {
        Directory current = directory.current();
        Roster roster = current.rosters().get(rosterId);
        if (roster == null) {
            return errors(404, List.of("no roster " + shorten(rosterId)));
        }
        Instant at = clock.instant();
        String atParameter = request.parameter("at");
        if (atParameter != null) {
            try {
                at = OffsetDateTime.parse(atParameter).toInstant();
            } catch (DateTimeParseException e) {
                return errors(400, List.of("at '" + shorten(atParameter) + "' is not a time with its offset such as 2026-11-25T22:00:00+05:30"));
            }
        }
        Instant when = at;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("roster", rosterId);
        answer.put("at", when.atZone(roster.timeZone()).toOffsetDateTime().toString());
        answer.put("timeZone", roster.timeZone().getId());
        answer.put("onDuty", roster.onDuty(when).stream().map(id -> {
            Person person = current.people().get(id);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("name", person == null ? null : person.name());
            return row;
        }).toList());
        roster.overrides().stream().filter(o -> o.covers(when)).findFirst()
                .ifPresent(o -> answer.put("override", RosterParser.overrideDocument(o)));
        return WebResponse.json(200, Json.write(answer));
    }

    /** Who made a change, for the log: the signed-in operator, else the operator key's id. */
    private static String by(WebRequest request) {
        return request.operator() != null ? "operator:" + request.operator() : request.apiKeyId();
    }

    private static Object body(WebRequest request) {
        try {
            String text = request.bodyText();
            return text == null || text.length() > 16 * 1024 ? null : Json.readObject(text);
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static WebResponse errors(int status, List<String> problems) {
        return WebResponse.json(status, Json.write(Map.of("errors", problems)));
    }
}
