package sosrelay.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sosrelay.directory.Channel;
import sosrelay.directory.Directory;
import sosrelay.directory.Person;
import sosrelay.directory.PhoneNumbers;
import sosrelay.directory.Roster;

/**
 * The directory as the duty desk sees it ({@code GET /v1/desk}): each roster's people on duty now and
 * who comes next (and when), and the people with their channels, masked numbers and when they last answered
 * (never: "unverified", their number may not reach them), and which SMS notices are off. Nothing more personal than the desk needs.
 */
final class DeskView {
    /** How finely, and how far ahead, the next change of duty is looked for: rotations change on the quarter hour or hour. */
    private static final Duration STEP = Duration.ofMinutes(15);
    private static final Duration HORIZON = Duration.ofDays(8);

    private DeskView() {
    }

    /** {@code noticesOff}: the SMS notices switched off (no DLT template id), each with why; the board says so. */
    static Map<String, Object> of(Directory directory, Map<String, Instant> reached, Map<String, String> noticesOff, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", now.toString());
        view.put("noticesOff", noticesOff.entrySet().stream().map(off -> off.getKey() + " SMS (" + off.getValue() + ")").toList());
        view.put("types", List.copyOf(directory.types().keySet()));
        view.put("rosters", directory.rosters().values().stream().map(roster -> roster(roster, directory, now)).toList());
        view.put("people", directory.people().values().stream().map(person -> person(person, reached.get(person.id()))).toList());
        return view;
    }

    private static Map<String, Object> roster(Roster roster, Directory directory, Instant now) {
        List<String> onDuty = roster.onDuty(now);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", roster.id());
        row.put("timeZone", roster.timeZone().getId());
        row.put("onDuty", names(onDuty, directory));
        // From the next quarter hour on, so a change on the hour is found on the hour.
        long step = STEP.getSeconds();
        Instant first = Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), step) + step);
        for (Instant at = first; at.isBefore(now.plus(HORIZON)); at = at.plus(STEP)) {
            List<String> then = roster.onDuty(at);
            if (!then.equals(onDuty)) {
                row.put("nextAt", at.atZone(roster.timeZone()).toOffsetDateTime().toString());
                row.put("next", names(then, directory));
                break;
            }
        }
        row.put("everyone", names(List.copyOf(roster.everyone()), directory));
        return row;
    }

    private static List<Map<String, Object>> names(List<String> ids, Directory directory) {
        return ids.stream().map(id -> {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("id", id);
            Person known = directory.people().get(id);
            person.put("name", known == null ? id : known.name());
            return person;
        }).toList();
    }

    private static Map<String, Object> person(Person person, Instant lastReached) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", person.id());
        row.put("name", person.name());
        row.put("phone", PhoneNumbers.mask(person.phone()));
        row.put("channels", person.channels().stream().map(Channel::id).toList());
        row.put("verified", lastReached != null);
        if (lastReached != null) {
            row.put("lastReached", lastReached.toString());
        }
        return row;
    }
}
