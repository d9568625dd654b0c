package sosrelay.directory;

import java.util.List;

/** An emergency type (Heart, Brain, ...): the IVR digit that selects it and whom it alerts. */
public record EmergencyType(String name, Integer digit, List<Tier> tiers) {
}
