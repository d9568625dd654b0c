package sosrelay.directory;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * An EventBridge cron expression, {@code cron(minutes hours day-of-month month day-of-week year)}, such as
 * {@code cron(0 10 ? * MON *)}: each field {@code *}, a value, a range {@code a-b}, a step {@code * /n} or {@code a/n},
 * or a list of those; months and weekdays by number (weekday 1 is Sunday) or name; one of the two day fields
 * is {@code ?}. {@code L}, {@code W} and {@code #} are not taken: the parser says so.
 */
public record CronSchedule(String expression, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek,
                           BitSet years, boolean byDayOfMonth) {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    /** The schedule, or an {@link IllegalArgumentException} saying what is wrong. */
    public static CronSchedule parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.startsWith("cron(") || !trimmed.endsWith(")")) {
            throw new IllegalArgumentException("must be cron(minutes hours day-of-month month day-of-week year), such as cron(0 10 ? * MON *)");
        }
        String[] fields = trimmed.substring(5, trimmed.length() - 1).trim().split("\\s+");
        if (fields.length != 6) {
            throw new IllegalArgumentException("needs 6 fields (minutes hours day-of-month month day-of-week year), not " + fields.length);
        }
        boolean anyDayOfMonth = fields[2].equals("?");
        boolean anyDayOfWeek = fields[4].equals("?");
        if (anyDayOfMonth == anyDayOfWeek) {
            throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be ?");
        }
        return new CronSchedule(trimmed, field(fields[0], 0, 59, List.of(), "minutes"), field(fields[1], 0, 23, List.of(), "hours"),
                anyDayOfMonth ? null : field(fields[2], 1, 31, List.of(), "day-of-month"), field(fields[3], 1, 12, MONTHS, "month"),
                anyDayOfWeek ? null : field(fields[4], 1, 7, DAYS, "day-of-week"), field(fields[5], 1970, 2199, List.of(), "year"),
                !anyDayOfMonth);
    }

    /** Whether the schedule fires in the minute {@code at} falls in (its own time zone's wall clock). */
    public boolean matches(ZonedDateTime at) {
        boolean day = byDayOfMonth ? daysOfMonth.get(at.getDayOfMonth())
                : daysOfWeek.get(at.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : at.getDayOfWeek().getValue() + 1);
        return day && minutes.get(at.getMinute()) && hours.get(at.getHour()) && months.get(at.getMonthValue()) && years.get(at.getYear());
    }

    private static BitSet field(String text, int min, int max, List<String> names, String what) {
        BitSet set = new BitSet(max + 1);
        for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
            if (part.matches(".*#.*|L|LW|\\d+[LW]")) {
                throw new IllegalArgumentException(what + " '" + part + "': L, W and # are not supported here");
            }
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, max, List.of(), what);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = number(range.substring(0, range.indexOf('-')), min, max, names, what);
                to = number(range.substring(range.indexOf('-') + 1), min, max, names, what);
            } else {
                from = number(range, min, max, names, what);
                to = slash >= 0 ? max : from;
            }
            if (from > to) {
                throw new IllegalArgumentException(what + " '" + part + "': the range runs backwards");
            }
            for (int value = from; value <= to; value += step) {
                set.set(value);
            }
        }
        return set;
    }

    private static int number(String text, int min, int max, List<String> names, String what) {
        int named = names.indexOf(text);
        if (named >= 0) {
            return named + 1;
        }
        if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            throw new IllegalArgumentException(what + " '" + text + "' must be " + min + "-" + max
                    + (names.isEmpty() ? "" : " or " + names.get(0) + "-" + names.get(names.size() - 1)));
        }
        return Integer.parseInt(text);
    }
}
