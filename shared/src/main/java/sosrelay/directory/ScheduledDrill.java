package sosrelay.directory;

import java.time.ZoneId;

/** A drill the directory schedules ({@code drills: [{type: Heart, schedule: "cron(0 10 ? * MON *)", timeZone: …}]}). */
public record ScheduledDrill(String type, CronSchedule schedule, ZoneId timeZone) {
}
