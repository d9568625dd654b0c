package sosrelay.drills;

import java.time.Instant;
import sosrelay.directory.Directory;
import sosrelay.directory.EmergencyType;
import sosrelay.directory.Priority;
import sosrelay.directory.TypeChoice;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
import sosrelay.incident.Recording;
import sosrelay.incident.Trigger;

/**
 * A drill as an incident: the type's whole chain as an emergency would have it (rosters, tiers, retries,
 * repeats, priority), but its type reads "DRILL Heart" in every text and metric, the call says it is a drill
 * ({@code SpokenText}), nobody is reported back to (no {@code reportTo}), no maintenance window silences it,
 * going unanswered pages no operator ({@link Trigger#exercise()}), and it is always normal priority: a drill never
 * takes the voice budget's high-priority reserve, which a real Code Blue may need at that minute.
 */
final class Drill {
    static final String PREFIX = "DRILL ";

    private Drill() {
    }

    /** An operator's drill, now. */
    static Incident of(EmergencyType type, Directory directory, String operator, Instant now) {
        return of(IncidentIds.random(), type, directory, "operator " + operator, "operator:" + operator, now);
    }

    /** {@code id}: the same for every start of one scheduled drill, so it starts once. */
    static Incident of(String id, EmergencyType type, Directory directory, String by, String raisedBy, Instant at) {
        Trigger trigger = new Trigger(Trigger.DRILL, null, by, at, "Drill of the " + type.name() + " chain", null, null, raisedBy);
        Incident emergency = Incident.of(id, trigger, new TypeChoice(type, null), new Recording(null, null, null), directory, null);
        return new Incident(emergency.id(), trigger, PREFIX + type.name(), null, emergency.recording(), emergency.recipients(),
                emergency.tiers(), emergency.retry(), null, emergency.rosters(), Priority.NORMAL, emergency.repeat(), null, null);
    }
}
