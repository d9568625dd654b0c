package sosrelay.directory;

/** The type an incident is raised as, and, when it is the default type, why. */
public record TypeChoice(EmergencyType type, String note) {
}
