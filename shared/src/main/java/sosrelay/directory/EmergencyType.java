package sosrelay.directory;

import java.util.List;

/** An emergency type (Heart, Brain, ...): the IVR digit that selects it, whom it alerts in which order, and how calls are retried. */
public record EmergencyType(String name, Integer digit, List<Tier> tiers, RetryPolicy retry) {
}
