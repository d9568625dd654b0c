package sosrelay.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RosterTest {
    private static final List<String> PEOPLE = List.of("dr-rao", "dr-iyer", "dr-khan");

    private static Roster roster(Map<String, Object> doc) {
        List<String> problems = new ArrayList<>();
        Roster roster = new RosterParser(problems, PEOPLE::contains).parse("cardio-on-call", doc);
        assertThat(problems).isEmpty();
        return roster;
    }

    private static Map<String, Object> rotation(Map<String, Object> extra) {
        Map<String, Object> rotation = new java.util.HashMap<>(Map.of("people", PEOPLE, "shift", "12h",
                "start", "2026-11-01T08:00:00+05:30"));
        rotation.putAll(extra);
        return rotation;
    }

    @Test
    void takesTurnsOneShiftEachInOrder() {
        Roster roster = roster(Map.of("timeZone", "Asia/Kolkata", "rotations", List.of(rotation(Map.of()))));

        assertThat(roster.onDuty(Instant.parse("2026-11-01T02:29:59Z"))).isEmpty();
        assertThat(roster.onDuty(Instant.parse("2026-11-01T02:30:00Z"))).containsExactly("dr-rao");   // 08:00 IST
        assertThat(roster.onDuty(Instant.parse("2026-11-01T14:30:00Z"))).containsExactly("dr-iyer");  // 20:00 IST
        assertThat(roster.onDuty(Instant.parse("2026-11-02T02:30:00Z"))).containsExactly("dr-khan");  // next 08:00
        assertThat(roster.onDuty(Instant.parse("2026-11-02T14:30:00Z"))).containsExactly("dr-rao");   // round again
    }

    @Test
    void shiftsKeepTheirWallClockTimesAcrossDaylightSaving() {
        // London leaves summer time on 2026-10-25: a 12-hour shift from 08:00 still starts at 08:00 local (UTC) afterwards.
        Roster roster = roster(Map.of("timeZone", "Europe/London", "rotations", List.of(Map.of(
                "people", List.of("dr-rao", "dr-iyer"), "shift", "12h", "start", "2026-10-20T08:00:00"))));

        assertThat(roster.onDuty(Instant.parse("2026-10-24T07:00:00Z"))).containsExactly("dr-rao");   // 08:00 BST
        assertThat(roster.onDuty(Instant.parse("2026-10-26T07:59:00Z"))).containsExactly("dr-iyer");  // 07:59 GMT: the night shift
        assertThat(roster.onDuty(Instant.parse("2026-10-26T08:00:00Z"))).containsExactly("dr-rao");   // 08:00 GMT: day shift
    }

    @Test
    void daysAndHoursMaskTheTurnsAndANightBelongsToTheDayItStarts() {
        Roster roster = roster(Map.of("rotations", List.of(rotation(Map.of("shift", "1d", "days", List.of("Fri"),
                "hours", "20:00-08:00")))));
        // 2026-11-06 is a Friday. Friday 21:00 and Saturday 02:00 IST are Friday's night; Saturday 21:00 is not covered.
        assertThat(roster.onDuty(Instant.parse("2026-11-06T15:30:00Z"))).hasSize(1);
        assertThat(roster.onDuty(Instant.parse("2026-11-06T20:30:00Z"))).hasSize(1);
        assertThat(roster.onDuty(Instant.parse("2026-11-07T15:30:00Z"))).isEmpty();
        assertThat(roster.onDuty(Instant.parse("2026-11-06T10:30:00Z"))).isEmpty();  // Friday 16:00: outside the hours
    }

    @Test
    void anOverrideCoveringTheMomentWinsOverTheRotations() {
        Roster roster = roster(Map.of("rotations", List.of(rotation(Map.of())), "overrides", List.of(Map.of(
                "person", "dr-khan", "from", "2026-11-25T20:00:00+05:30", "to", "2026-11-26T08:00:00+05:30"))));

        assertThat(roster.onDuty(Instant.parse("2026-11-25T14:29:59Z"))).containsExactly("dr-rao");   // 19:59: shift 48, dr-rao's
        assertThat(roster.onDuty(Instant.parse("2026-11-25T14:30:00Z"))).containsExactly("dr-khan");  // 20:00: dr-iyer's turn, overridden
        assertThat(roster.onDuty(Instant.parse("2026-11-26T02:29:59Z"))).containsExactly("dr-khan");
        assertThat(roster.onDuty(Instant.parse("2026-11-26T14:30:00Z"))).containsExactly("dr-rao");   // shift 51: the rotation again
    }

    @Test
    void writtenBackAndReadAgainItIsTheSameRoster() {
        Roster roster = roster(Map.of("timeZone", "Asia/Kolkata", "rotations", List.of(rotation(Map.of("days", List.of("Mon", "Tue"),
                "hours", "08:00-20:00"))), "overrides", List.of(Map.of("person", "dr-khan", "from", "2026-11-25T20:00:00+05:30",
                "to", "2026-11-26T08:00:00+05:30", "reason", "swap"))));

        assertThat(roster(RosterParser.document(roster))).isEqualTo(roster);
    }

    @Test
    void validationListsEveryProblem() {
        Map<String, Object> doc = Map.of(
                "defaultType", "Heart",
                "people", List.of(Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "9800000001"),
                        Map.of("id", "dr-khan", "name", "Dr. Khan", "phone", "9800000003")),
                "rosters", Map.of(
                        "cardio-on-call", Map.of("timeZone", "Mars/Olympus", "rotations", List.of(Map.of(
                                        "people", List.of("dr-rao", "dr-nobody"), "shift", "forever", "start", "tomorrow",
                                        "days", List.of("Funday"), "hours", "25:00-08:00")),
                                "overrides", List.of(
                                        Map.of("person", "dr-khan", "from", "2026-11-25T20:00:00+05:30", "to", "2026-11-26T08:00:00+05:30"),
                                        Map.of("person", "dr-rao", "from", "2026-11-26T06:00:00+05:30", "to", "2026-11-26T09:00:00+05:30"),
                                        Map.of("person", "dr-ghost", "from", "2026-11-27T09:00:00+05:30", "to", "2026-11-27T08:00:00+05:30"))),
                        "dr-rao", Map.of("rotations", List.of(Map.of("people", List.of("dr-khan"), "shift", "8h",
                                "start", "2026-11-01T08:00:00+05:30")))),
                "types", Map.of("Heart", Map.of("priority", "urgent", "repeat", 99,
                        "tiers", List.of(Map.of("notify", List.of("cardio-on-call", "night-cover"))))));

        assertThatThrownBy(() -> DirectoryParser.parse(doc))
                .isInstanceOfSatisfying(InvalidDirectoryException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "rosters.cardio-on-call.timeZone: 'Mars/Olympus' is not a time zone such as Asia/Kolkata",
                        "rosters.cardio-on-call.rotations[0]: unknown person id 'dr-nobody'",
                        "rosters.cardio-on-call.rotations[0].shift: 'forever' is not a shift length such as 8h, 12h, 1d or 1w",
                        "rosters.cardio-on-call.rotations[0].start: 'tomorrow' is not a time such as 2026-11-01T08:00:00+05:30",
                        "rosters.cardio-on-call.rotations[0].days: 'Funday' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun)",
                        "rosters.cardio-on-call.rotations[0].hours: '25:00-08:00' is not a span of hours such as 08:00-20:00 or 20:00-08:00"
                                + " (leave it out for all day)",
                        "rosters.cardio-on-call.overrides[1]: overlaps (dr-khan 2026-11-25T14:30:00Z to 2026-11-26T02:30:00Z)",
                        "rosters.cardio-on-call.overrides[2]: unknown person id 'dr-ghost'",
                        "rosters.cardio-on-call.overrides[2]: from must be before to",
                        "rosters.dr-rao: a person has the same id; a tier could not tell them apart",
                        "types.Heart.priority: must be high or normal, not 'urgent'",
                        "types.Heart.repeat: must be a whole number from 0 to 10, not '99'",
                        "types.Heart.tiers[0]: unknown person or roster id 'night-cover'"));
    }
}
