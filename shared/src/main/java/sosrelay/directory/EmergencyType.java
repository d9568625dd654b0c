package sosrelay.directory;

import java.util.List;

/**
 * An emergency type (Heart, Brain, ...): the IVR digit that selects it, whom it alerts in which order,
 * how calls are retried, how urgent its notifications are, and how many more rounds of its tiers are
 * tried when a round ends short of acknowledgements ({@code repeat}).
 */
public record EmergencyType(String name, Integer digit, List<Tier> tiers, RetryPolicy retry, Priority priority, int repeat) {

    public EmergencyType(String name, Integer digit, List<Tier> tiers, RetryPolicy retry) {
        this(name, digit, tiers, retry, Priority.NORMAL, 0);
    }
}
