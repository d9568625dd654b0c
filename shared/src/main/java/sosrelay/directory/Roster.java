package sosrelay.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is on duty when: rotations in a time zone, and overrides that put someone else on duty for a
 * while (a swap, sick leave). A tier may name a roster instead of a person; it is asked when the tier
 * is notified.
 */
public record Roster(String id, ZoneId timeZone, List<Rotation> rotations, List<RosterOverride> overrides) {

    /** The people on duty at {@code at}: an override covering it wins over every rotation. */
    public List<String> onDuty(Instant at) {
        Set<String> people = new LinkedHashSet<>();
        overrides.stream().filter(o -> o.covers(at)).forEach(o -> people.add(o.person()));
        if (people.isEmpty()) {
            for (Rotation rotation : rotations) {
                String person = rotation.onDuty(at, timeZone);
                if (person != null) {
                    people.add(person);
                }
            }
        }
        return List.copyOf(people);
    }

    /** Everyone this roster can ever name, rotations first. */
    public Set<String> everyone() {
        Set<String> people = new LinkedHashSet<>();
        rotations.forEach(r -> people.addAll(r.people()));
        overrides.forEach(o -> people.add(o.person()));
        return people;
    }

    /** The same roster with one more override. */
    public Roster with(RosterOverride override) {
        List<RosterOverride> more = new ArrayList<>(overrides);
        more.add(override);
        return new Roster(id, timeZone, rotations, List.copyOf(more));
    }
}
