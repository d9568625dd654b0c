package sosrelay.timers;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import sosrelay.sqs.MessageProcessor;

/** Runs each timer when it is due; one that arrives early (a long timer's first leg) is sent on. */
public final class TimerWorker implements MessageProcessor {
    private static final Duration EARLY = Duration.ofSeconds(1);

    private final Timers timers;
    private final Map<TimerJob.Kind, Consumer<TimerJob>> actions;
    private final Clock clock;

    public TimerWorker(Timers timers, Map<TimerJob.Kind, Consumer<TimerJob>> actions, Clock clock) {
        this.timers = timers;
        this.actions = new EnumMap<>(actions);
        this.clock = clock;
    }

    @Override
    public Retry process(String body) {
        TimerJob job = TimerJob.fromJson(body);
        if (Duration.between(clock.instant(), job.dueAt()).compareTo(EARLY) > 0) {
            timers.schedule(job);
            return null;
        }
        actions.get(job.kind()).accept(job);
        return null;
    }
}
