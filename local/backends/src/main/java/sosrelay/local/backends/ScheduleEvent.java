package sosrelay.local.backends;

/**
 * A {@code Schedule} (EventBridge rule) or {@code ScheduleV2} (EventBridge Scheduler) event of a function:
 * {@code expression} as the template writes it ({@code rate(1 minute)}, {@code cron(...)}); {@code input} the JSON
 * the function receives ({@code {}} when the template gives none).
 */
public record ScheduleEvent(String name, String expression, String input) {
}
