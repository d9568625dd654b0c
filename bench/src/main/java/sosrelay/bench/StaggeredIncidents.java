package sosrelay.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Several incidents raised a few seconds apart, as a busy night brings them, each a Passthru with a recording (its copy
 * starts at once) and the CallSid check on (its first ask 5 s after the raise): for each, trigger to its own last
 * recipient's request. A pacer that drips after a burst shows here, in the second and third incidents; so does any
 * work beside the fan-out that gets in its way.
 */
public final class StaggeredIncidents {
    /** One incident of a run: its id, and the wall-clock milliseconds of its trigger, of the Passthru's answer and of its last call request. */
    public record Raised(String id, long trigger, long answered, long lastRequest) {
        public double millis() {
            return lastRequest - trigger;
        }
    }

    private final BenchStack stack;
    private final SlowExotel exotel;

    public StaggeredIncidents(BenchStack stack, SlowExotel exotel) {
        this.stack = stack;
        this.exotel = exotel;
    }

    /** Each incident, in the order raised; the queue drained and the stand-in's other requests (checks, copies) answered. */
    public List<Raised> once(int incidents, int people, Duration apart) {
        exotel.forget();
        List<String> ids = new ArrayList<>();
        List<Long> triggers = new ArrayList<>();
        List<Long> answers = new ArrayList<>();
        long first = System.currentTimeMillis();
        for (int i = 0; i < incidents; i++) {
            BenchStack.pause(Duration.ofMillis(Math.max(0, first + i * apart.toMillis() - System.currentTimeMillis())));
            triggers.add(System.currentTimeMillis());
            ids.add(stack.passthruWithRecording("staggered-" + ProcessHandle.current().pid() + "-" + System.nanoTime(),
                    BenchStack.typeFor(people), exotel));
            answers.add(System.currentTimeMillis());
        }
        List<Raised> raised = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            String id = ids.get(i);
            BenchStack.await(people + " connects for " + id, Duration.ofMinutes(3), () -> exotel.lastArrivalMillisFor(id, people).isPresent());
            raised.add(new Raised(id, triggers.get(i), answers.get(i), exotel.lastArrivalMillisFor(id, people).orElseThrow()));
        }
        BenchStack.await("the call queue to drain", Duration.ofSeconds(60), stack::callQueueEmpty);
        // Each incident's recording copy and CallSid check: a run ends with its side work done, not under the next run.
        BenchStack.await("the recordings and the CallSid checks", Duration.ofSeconds(60), () -> exotel.otherRequests() >= 2L * incidents);
        return raised;
    }
}
