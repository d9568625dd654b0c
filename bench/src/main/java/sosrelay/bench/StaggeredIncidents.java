package sosrelay.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Several incidents raised a few seconds apart, as a busy night brings them: for each, trigger to its own last
 * recipient's request. A pacer that drips after a burst shows here, in the second and third incidents.
 */
public final class StaggeredIncidents {
    private final BenchStack stack;
    private final SlowExotel exotel;

    public StaggeredIncidents(BenchStack stack, SlowExotel exotel) {
        this.stack = stack;
        this.exotel = exotel;
    }

    /** Milliseconds from each incident's trigger to its last call's request, in the order they were raised. */
    public List<Double> once(int incidents, int people, Duration apart) {
        exotel.forget();
        List<String> ids = new ArrayList<>();
        List<Long> triggers = new ArrayList<>();
        long first = System.currentTimeMillis();
        for (int i = 0; i < incidents; i++) {
            BenchStack.pause(Duration.ofMillis(Math.max(0, first + i * apart.toMillis() - System.currentTimeMillis())));
            triggers.add(System.currentTimeMillis());
            ids.add(stack.passthruIncident("staggered-" + ProcessHandle.current().pid() + "-" + System.nanoTime(),
                    BenchStack.typeFor(people)));
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            String id = ids.get(i);
            BenchStack.await(people + " connects for " + id, Duration.ofMinutes(3), () -> exotel.lastArrivalMillisFor(id, people).isPresent());
            times.add((double) (exotel.lastArrivalMillisFor(id, people).orElseThrow() - triggers.get(i)));
        }
        BenchStack.await("the call queue to drain", Duration.ofSeconds(60), stack::callQueueEmpty);
        return times;
    }
}
