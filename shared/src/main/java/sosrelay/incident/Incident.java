package sosrelay.incident;

import java.util.List;
import sosrelay.directory.Directory;
import sosrelay.directory.Person;
import sosrelay.directory.RetryPolicy;
import sosrelay.directory.Tier;
import sosrelay.directory.TypeChoice;

/**
 * An emergency and everyone it may reach. Recipients, tiers and the retry policy are a snapshot of
 * the directory at the time, so a later directory change never changes an open incident.
 *
 * @param typeNote  why the incident fell back to the default type, or null
 * @param openGroup what must have only one open incident at a time (an alarm), or null
 * @param raisedBy  the fingerprint of the device API key that raised it (only that key may read or resolve it), or null
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
        String raisedBy) {

    /** A new incident of the chosen type, with the directory's people, tiers and retry policy for it. */
    public static Incident of(String id, Trigger trigger, TypeChoice type, Recording recording, Directory directory,
                              String openGroup) {
        return new Incident(id, trigger, type.type().name(), type.note(), recording, directory.recipients(type.type()),
                type.type().tiers(), type.type().retry(), openGroup, null);
    }

    /** The same incident, owned by the device API key {@code keyId}. */
    public Incident ownedBy(String keyId) {
        return new Incident(id, trigger, type, typeNote, recording, recipients, tiers, retry, openGroup, keyId);
    }

    /** The people of tier {@code index}, in directory order. */
    public List<Person> tierPeople(int index) {
        List<String> ids = tiers.get(index).personIds();
        return recipients.stream().filter(p -> ids.contains(p.id())).toList();
    }

    public Person recipient(String personId) {
        return recipients.stream().filter(p -> p.id().equals(personId)).findFirst().orElse(null);
    }
}
