package sosrelay.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private static ZonedDateTime at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(KOLKATA);
    }

    @Test
    void mondaysAtTenFireOnMondaysAtTenOnly() {
        CronSchedule schedule = CronSchedule.parse("cron(0 10 ? * MON *)");

        assertThat(schedule.matches(at("2026-11-30T10:00"))).isTrue();   // a Monday
        assertThat(schedule.matches(at("2026-11-30T10:01"))).isFalse();
        assertThat(schedule.matches(at("2026-11-30T11:00"))).isFalse();
        assertThat(schedule.matches(at("2026-12-01T10:00"))).isFalse();  // a Tuesday
    }

    @Test
    void takesStepsRangesListsNamesAndNumberedWeekdaysFromSunday() {
        CronSchedule quarters = CronSchedule.parse("cron(0/15 8-9 ? JUN-AUG,DEC 2-6 2026)");

        assertThat(quarters.matches(at("2026-12-01T08:45"))).isTrue();   // Tuesday (3) in December
        assertThat(quarters.matches(at("2026-12-01T08:50"))).isFalse();
        assertThat(quarters.matches(at("2026-12-06T08:45"))).isFalse();  // Sunday (1)
        assertThat(quarters.matches(at("2026-11-03T08:45"))).isFalse();  // November
        assertThat(quarters.matches(at("2027-12-07T08:45"))).isFalse();  // 2027
        CronSchedule firstOfMonth = CronSchedule.parse("cron(30 2 1 * ? *)");
        assertThat(firstOfMonth.matches(at("2026-12-01T02:30"))).isTrue();
        assertThat(firstOfMonth.matches(at("2026-12-02T02:30"))).isFalse();
        assertThat(CronSchedule.parse("cron(0 9 ? * MON-WED *)").matches(at("2026-12-02T09:00"))).isTrue();
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> CronSchedule.parse("0 10 ? * MON *")).hasMessageContaining("must be cron(");
        assertThatThrownBy(() -> CronSchedule.parse("cron(0 10 ? * MON)")).hasMessageContaining("needs 6 fields");
        assertThatThrownBy(() -> CronSchedule.parse("cron(0 10 * * MON *)")).hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> CronSchedule.parse("cron(0 10 ? * ? *)")).hasMessageContaining("exactly one of");
        assertThatThrownBy(() -> CronSchedule.parse("cron(60 10 ? * MON *)")).hasMessageContaining("minutes '60' must be 0-59");
        assertThatThrownBy(() -> CronSchedule.parse("cron(0 10 ? * 6L *)")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> CronSchedule.parse("cron(0 10 ? * MON#2 *)")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> CronSchedule.parse("cron(0 10 ? * FRI-MON *)")).hasMessageContaining("backwards");
    }

    @Test
    void theDirectoryListsEveryProblemOfItsDrills() {
        Map<String, Object> document = Map.of(
                "defaultType", "Heart",
                "people", List.of(Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "+919811000001")),
                "types", Map.of("Heart", Map.of("tiers", List.of(Map.of("notify", List.of("dr-rao"))))),
                "drills", List.of(
                        Map.of("type", "Heart", "schedule", "cron(0 10 ? * MON *)", "timeZone", "Asia/Kolkata"),
                        Map.of("type", "Kidney", "schedule", "every monday", "timeZone", "Mars/Base")));

        assertThatThrownBy(() -> DirectoryParser.parse(document)).isInstanceOf(InvalidDirectoryException.class)
                .satisfies(e -> assertThat(((InvalidDirectoryException) e).problems()).containsExactly(
                        "drills[1]: type 'Kidney' is not one of the types [Heart]",
                        "drills[1]: schedule 'every monday' must be cron(minutes hours day-of-month month day-of-week year), such as cron(0 10 ? * MON *)",
                        "drills[1]: timeZone 'Mars/Base' is not a time zone such as Asia/Kolkata"));
        Directory valid = DirectoryParser.parse(Map.of("defaultType", "Heart", "people", document.get("people"), "types", document.get("types"),
                "drills", List.of(Map.of("type", "Heart", "schedule", "cron(0 10 ? * MON *)", "timeZone", "Asia/Kolkata"))));
        assertThat(valid.drills()).singleElement().satisfies(drill -> {
            assertThat(drill.type()).isEqualTo("Heart");
            assertThat(drill.timeZone()).isEqualTo(KOLKATA);
            assertThat(drill.schedule().matches(at("2026-11-30T10:00"))).isTrue();
        });
    }
}
