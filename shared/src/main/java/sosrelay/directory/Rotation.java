package sosrelay.directory;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * People taking turns, one shift each in order, from {@code start}. Shifts are counted on the
 * roster's wall clock, so a 12-hour shift that starts at 08:00 starts at 08:00 on both sides of a
 * daylight-saving change. {@code days} and {@code hours} only mask the turns: the rotation keeps
 * turning outside them (as in PagerDuty and GoAlert), nobody from it is on duty then.
 *
 * @param days  the days it covers (for hours that cross midnight, the day the night starts); empty: every day
 * @param hours the hours it covers each day, or null for all day
 */
public record Rotation(List<String> people, Duration shift, LocalDateTime start, Set<DayOfWeek> days, DailyHours hours) {

    /** Whose turn it is at {@code at} in {@code zone}, or null when nobody from this rotation is on duty. */
    public String onDuty(Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        if (local.isBefore(start)) {
            return null;
        }
        DayOfWeek day = local.getDayOfWeek();
        if (hours != null) {
            Integer offset = hours.dayOffset(local.toLocalTime());
            if (offset == null) {
                return null;
            }
            day = day.plus(offset);
        }
        if (!days.isEmpty() && !days.contains(day)) {
            return null;
        }
        long turn = ChronoUnit.SECONDS.between(start, local) / shift.toSeconds();
        return people.get((int) (turn % people.size()));
    }
}
