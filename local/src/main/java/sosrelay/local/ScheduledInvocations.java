package sosrelay.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sosrelay.local.backends.ScheduleEvent;

/**
 * The template's {@code Schedule} and {@code ScheduleV2} events: each {@code rate(...)} schedule invokes its function
 * asynchronously (so the function's own retry settings and dead-letter queue apply, as when EventBridge invokes
 * it), first one period after start. {@code cron(...)} schedules are listed, not run: the banner says so.
 * {@value #EVERY_VARIABLE} runs every rate schedule that often instead, in seconds (tests, demos).
 */
final class ScheduledInvocations implements AutoCloseable {
    static final String EVERY_VARIABLE = "SOS_LOCAL_SCHEDULE_SECONDS";
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    /** A schedule as it runs here: {@code every} empty when it does not run locally. */
    record Running(String function, ScheduleEvent event, Optional<Duration> every) {
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-schedules");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Running> schedules = new ArrayList<>();

    ScheduledInvocations(Collection<LocalFunction> functions, AsyncInvocations invocations, Optional<Duration> override) {
        for (LocalFunction function : functions) {
            for (ScheduleEvent event : function.definition().scheduleEvents()) {
                Optional<Duration> every = function.loadError().isPresent() ? Optional.empty()
                        : rate(event.expression()).map(rate -> override.orElse(rate));
                every.ifPresent(period -> scheduler.scheduleAtFixedRate(() -> invocations.submit(function, event.input()),
                        period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS));
                schedules.add(new Running(function.logicalId(), event, every));
            }
        }
    }

    /** The period of a {@code rate(...)} expression; empty for anything else. */
    static Optional<Duration> rate(String expression) {
        Matcher m = RATE.matcher(expression.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "minute", "minutes" -> Duration.ofMinutes(amount);
            case "hour", "hours" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    /** {@value #EVERY_VARIABLE}'s period, if set. */
    static Optional<Duration> override(String seconds) {
        return seconds == null || seconds.isBlank() ? Optional.empty() : Optional.of(Duration.ofMillis(
                Math.round(Double.parseDouble(seconds.trim()) * 1000)));
    }

    List<Running> schedules() {
        return List.copyOf(schedules);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
