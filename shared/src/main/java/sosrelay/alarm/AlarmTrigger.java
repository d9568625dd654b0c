package sosrelay.alarm;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sosrelay.directory.Directory;
import sosrelay.directory.DirectoryStore;
import sosrelay.directory.TypeChoice;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
import sosrelay.raise.IncidentRaiser;
import sosrelay.incident.IncidentStore;
import sosrelay.incident.Recording;
import sosrelay.incident.Trigger;
import sosrelay.log.Log;
import sosrelay.metrics.OperatorSignals;

/**
 * A CloudWatch alarm as an emergency. A change to ALARM raises an incident for the type the
 * directory maps the alarm to; while that incident is open, the alarm firing again rings nobody.
 * OK is recorded on the incident and re-arms the alarm, so the next ALARM is a new emergency.
 */
public final class AlarmTrigger {
    static final String SOURCE = "cloudwatch-alarm";

    private final DirectoryStore directory;
    private final IncidentRaiser raiser;
    private final IncidentStore incidents;
    private final Clock clock;

    public AlarmTrigger(DirectoryStore directory, IncidentRaiser raiser, IncidentStore incidents, Clock clock) {
        this.directory = directory;
        this.raiser = raiser;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** Handles every alarm in the event; answers what became of each. */
    public List<Map<String, Object>> handle(Map<String, Object> event) {
        return CloudWatchAlarmEvents.parse(event).stream().map(this::handle).toList();
    }

    private Map<String, Object> handle(CloudWatchAlarm alarm) {
        String incidentId = null;
        String outcome;
        switch (alarm.state()) {
            case "ALARM" -> {
                Directory dir = directory.current();
                if (dir.typeForAlarm(alarm.name()).note() != null) {
                    // Any alarm in the account can reach us; one the directory doesn't route is the operators' business.
                    OperatorSignals.unroutedAlarm(alarm.name());
                    outcome = "unrouted: paged the operators";
                } else {
                    IncidentRaiser.Result result = raiser.raise(incident(alarm, dir));
                    incidentId = result.incidentId();
                    outcome = result.raised().name().toLowerCase(Locale.ROOT);
                }
            }
            case "OK" -> {
                incidentId = incidents.closeGroup(alarm.group(), "OK", alarm.reason()).orElse(null);
                outcome = "recovered";
            }
            default -> outcome = "ignored";
        }
        Log.info("alarm.handled", "alarm", alarm.name(), "state", alarm.state(), "outcome", outcome, "incidentId", incidentId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("alarm", alarm.name());
        answer.put("state", alarm.state());
        answer.put("outcome", outcome);
        answer.put("incidentId", incidentId);
        return answer;
    }

    private Incident incident(CloudWatchAlarm alarm, Directory dir) {
        TypeChoice type = dir.typeForAlarm(alarm.name());
        String occurrence = alarm.group() + "@" + (alarm.changedAt() == null ? clock.instant() : alarm.changedAt());
        Trigger trigger = new Trigger(SOURCE, alarm.arn(), "CloudWatch alarm " + alarm.name(),
                alarm.changedAt() == null ? clock.instant() : alarm.changedAt(), alarm.reason(), null, null, alarm.name());
        Incident incident = Incident.of(IncidentIds.forSource(SOURCE, occurrence), trigger, type, Recording.NONE, dir, alarm.group());
        sosrelay.directory.MaintenanceWindow window = dir.maintenanceFor(clock.instant(), type.type().name(), alarm.name(), null);
        return window == null ? incident : incident.inMaintenance(window.describe());
    }
}
