package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.Timeline;
import sosrelay.local.LocalRelay;

/** What a test reads of an incident straight from the local stack's table: its timeline and its status. */
final class IncidentItems {
    private IncidentItems() {
    }

    /** The incident a sandbox front-desk call raised, whose Passthru answered 200. */
    static String raised(Map<String, Object> call) {
        assertThat(((Number) call.get("passthruStatus")).intValue()).isEqualTo(200);
        return ((String) call.get("passthruBody")).substring("OK ".length());
    }

    static List<String> events(LocalRelay relay, String incidentId) {
        return timeline(relay).read(incidentId).stream().map(e -> e.get("event")).toList();
    }

    static Map<String, String> event(LocalRelay relay, String incidentId, String name) {
        return timeline(relay).read(incidentId).stream().filter(e -> name.equals(e.get("event"))).findFirst().orElseThrow();
    }

    static String status(LocalRelay relay, String incidentId) {
        return new IncidentProgress(relay.stack().dynamoDb(), table(relay), Clock.systemUTC()).state(incidentId).orElseThrow().status();
    }

    private static Timeline timeline(LocalRelay relay) {
        return new Timeline(relay.stack().dynamoDb(), table(relay), Clock.systemUTC());
    }

    private static String table(LocalRelay relay) {
        return relay.stack().resources().tableName("IncidentsTable").orElseThrow();
    }
}
