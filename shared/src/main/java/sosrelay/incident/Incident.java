package sosrelay.incident;

import java.util.List;
import sosrelay.directory.Person;

/**
 * An emergency and everyone it was meant to reach. Recipients are a snapshot of the directory at
 * the time, so a later directory change never changes whom an open incident concerns.
 *
 * @param typeNote  why the incident fell back to the default type, or null
 * @param openGroup what must have only one open incident at a time (an alarm), or null
 */
public record Incident(
        String id,
        Trigger trigger,
        String type,
        String typeNote,
        Recording recording,
        List<Person> recipients,
        String openGroup) {
}
