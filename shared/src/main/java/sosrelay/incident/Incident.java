package sosrelay.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sosrelay.directory.Directory;
import sosrelay.directory.Person;
import sosrelay.directory.Priority;
import sosrelay.directory.RetryPolicy;
import sosrelay.directory.Roster;
import sosrelay.directory.Tier;
import sosrelay.directory.TypeChoice;

/**
 * An emergency and everyone it may reach. Recipients, tiers, rosters and the retry policy are a
 * snapshot of the directory at the time, so a later directory change never changes an open
 * incident; who of a roster's people is on duty is decided each time a tier is notified.
 *
 * @param typeNote    why the incident fell back to the default type, or null
 * @param openGroup   what must have only one open incident at a time (an alarm), or null
 * @param rosters     the rosters its tiers name
 * @param priority    how urgent its notifications are in the shared pacer
 * @param repeat      how many more rounds of the tiers follow a round that ends short of acknowledgements
 * @param maintenance the maintenance window it was raised in, or null (it rings nobody unless {@link #ringsInMaintenance})
 * @param raisedBy    the id of the device API key that raised it (only that key may read or resolve it), or null
 */
public record Incident(
        String id,
        Trigger trigger,
        String type,
        String typeNote,
        Recording recording,
        List<Person> recipients,
        List<Tier> tiers,
        RetryPolicy retry,
        String openGroup,
        List<Roster> rosters,
        Priority priority,
        int repeat,
        String maintenance,
        String raisedBy) {

    /** An incident without rosters, at normal priority, never repeated. */
    public Incident(String id, Trigger trigger, String type, String typeNote, Recording recording, List<Person> recipients,
                    List<Tier> tiers, RetryPolicy retry, String openGroup) {
        this(id, trigger, type, typeNote, recording, recipients, tiers, retry, openGroup, List.of(), Priority.NORMAL, 0, null, null);
    }

    /** A new incident of the chosen type, with the directory's people, tiers, rosters and retry policy for it. */
    public static Incident of(String id, Trigger trigger, TypeChoice type, Recording recording, Directory directory,
                              String openGroup) {
        return new Incident(id, trigger, type.type().name(), type.note(), recording, directory.recipients(type.type()),
                type.type().tiers(), type.type().retry(), openGroup, directory.rostersOf(type.type()), type.type().priority(),
                type.type().repeat(), null, null);
    }

    /**
     * Whether it rings as usual in a maintenance window: a person on the emergency line, or a {@code priority: high}
     * type. A window silences only what machines raise at normal priority (docs/ARCHITECTURE.md, "Only a person stops
     * the ringing").
     */
    public boolean ringsInMaintenance() {
        return Trigger.EMERGENCY_LINE.equals(trigger.source()) || priority == Priority.HIGH;
    }

    /** Raised in a maintenance window that silences it: recorded, shown, rings nobody, the operators paged. */
    public boolean silencedByMaintenance() {
        return maintenance != null && !ringsInMaintenance();
    }

    /** The same incident, raised in a maintenance window: recorded, shown, and marked; rings unless it is silenced. */
    public Incident inMaintenance(String window) {
        return new Incident(id, trigger, type, typeNote, recording, recipients, tiers, retry, openGroup, rosters, priority, repeat,
                window, raisedBy);
    }

    /** The same incident with its rosters as they stand now, and {@code more} people among its recipients. */
    public Incident withRosters(List<Roster> current, List<Person> more) {
        List<Person> everyone = new ArrayList<>(recipients);
        everyone.addAll(more);
        return new Incident(id, trigger, type, typeNote, recording, List.copyOf(everyone), tiers, retry, openGroup, List.copyOf(current),
                priority, repeat, maintenance, raisedBy);
    }

    /** The same incident, owned by the device API key {@code keyId}. */
    public Incident ownedBy(String keyId) {
        return new Incident(id, trigger, type, typeNote, recording, recipients, tiers, retry, openGroup, rosters, priority, repeat,
                maintenance, keyId);
    }

    /** Who tier {@code index} notifies at {@code at}, and which of its rosters had nobody on duty. */
    public record TierPeople(List<Person> people, List<String> emptyRosters) {
    }

    /** The people of tier {@code index} at {@code at}: those it names, and who is on duty in the rosters it names. */
    public TierPeople tierPeople(int index, Instant at) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> empty = new ArrayList<>();
        for (String id : tiers.get(index).notifyIds()) {
            Roster roster = roster(id);
            if (roster == null) {
                ids.add(id);
                continue;
            }
            List<String> onDuty = roster.onDuty(at);
            if (onDuty.isEmpty()) {
                empty.add(id);
            }
            ids.addAll(onDuty);
        }
        return new TierPeople(ids.stream().map(this::recipient).filter(p -> p != null).toList(), List.copyOf(empty));
    }

    /** The roster with this id among the incident's, or null (a person id). */
    public Roster roster(String id) {
        return rosters.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    public Person recipient(String personId) {
        return recipients.stream().filter(p -> p.id().equals(personId)).findFirst().orElse(null);
    }
}
