package sosrelay.drills;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import sosrelay.directory.Channel;
import sosrelay.directory.Person;
import sosrelay.directory.Priority;
import sosrelay.directory.RetryPolicy;
import sosrelay.directory.Tier;
import sosrelay.incident.Incident;
import sosrelay.incident.IncidentIds;
import sosrelay.incident.Recording;
import sosrelay.incident.Trigger;

/**
 * A test call as an incident of its own: one person, one call (no text, no retry, nobody after them), which
 * speaks their name and asks them to press 1. Going through the raise chain, it is paced, placed, called back
 * and acknowledged as an alert would be, and its press 1 marks the number as reaching them.
 */
final class TestCall {
    static final String TYPE = "Test call";
    /** How long the incident waits for the press before it is "unanswered" (on its timeline only: it pages nobody). */
    private static final Duration WAIT = Duration.ofMinutes(3);

    private TestCall() {
    }

    static Incident of(Person person, String operator, Instant now) {
        Person byCall = new Person(person.id(), person.name(), person.phone(), List.of(Channel.CALL), person.language());
        Trigger trigger = new Trigger(Trigger.TEST_CALL, person.id(), "operator " + operator, now, "Test call for " + person.name(),
                null, null, "operator:" + operator);
        return new Incident(IncidentIds.random(), trigger, TYPE, null, new Recording(null, null, null), List.of(byCall),
                List.of(new Tier(List.of(person.id()), WAIT, 1)), new RetryPolicy(1, WAIT), null, List.of(), Priority.NORMAL, 0,
                null, null);
    }
}
