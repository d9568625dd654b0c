package sosrelay.directory;

import java.time.LocalTime;

/**
 * The hours of the day a rotation covers, on the roster's wall clock: {@code 08:00-20:00}, or
 * {@code 20:00-08:00}, which crosses midnight and belongs to the day it starts on.
 */
public record DailyHours(LocalTime from, LocalTime to) {

    public boolean crossesMidnight() {
        return to.isBefore(from);
    }

    /** 0 when {@code time} is in the window on the day it started, -1 when it is the night before's window, null when outside. */
    Integer dayOffset(LocalTime time) {
        if (!crossesMidnight()) {
            return !time.isBefore(from) && time.isBefore(to) ? 0 : null;
        }
        if (!time.isBefore(from)) {
            return 0;
        }
        return time.isBefore(to) ? -1 : null;
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
