package sosrelay.incident;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import sosrelay.directory.Directory;
import sosrelay.directory.Person;
import sosrelay.directory.Roster;
import sosrelay.log.Log;

/**
 * Who a roster names is decided each time a tier is notified, retried or escalated, by the roster as the
 * directory has it now: an override added at 2 a.m. through the API counts for the incident already open,
 * not only for the next one. A roster the directory no longer has keeps the incident's copy, and so does
 * every roster when the directory can't be read: an open incident never stops for that. Someone an
 * override now names who was not among the incident's recipients is added to them, stored, so their
 * calls, texts and acknowledgement count like everyone else's.
 */
public final class CurrentRosters {
    private final Supplier<Directory> directory;
    private final IncidentStore incidents;

    public CurrentRosters(Supplier<Directory> directory, IncidentStore incidents) {
        this.directory = directory;
        this.incidents = incidents;
    }

    public Incident refresh(Incident incident) {
        if (incident.rosters().isEmpty()) {
            return incident;
        }
        Directory current;
        try {
            current = directory.get();
        } catch (RuntimeException e) {
            Log.warn("rosters.directory-unavailable", "incidentId", incident.id(), "error", e);
            return incident;
        }
        List<Roster> rosters = incident.rosters().stream().map(r -> current.rosters().getOrDefault(r.id(), r)).toList();
        List<Person> added = rosters.stream().flatMap(r -> r.everyone().stream()).distinct()
                .filter(id -> incident.recipient(id) == null)
                .map(id -> current.people().get(id)).filter(Objects::nonNull).toList();
        if (!added.isEmpty()) {
            incidents.addRecipients(incident.id(), added);
        }
        return incident.withRosters(rosters, added);
    }
}
