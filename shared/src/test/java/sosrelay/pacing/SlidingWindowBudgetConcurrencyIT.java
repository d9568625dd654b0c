package sosrelay.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Priority;
import sosrelay.local.backends.LocalTemplate;

/**
 * The shared budget on DynamoDB Local asked at one instant from many instances at once: however the requests interleave,
 * no window holds more than the limit. (The 1,000-person replay is {@link SlidingWindowBudgetIT}; apart, each class stays
 * under a minute and the two run side by side.)
 */
class SlidingWindowBudgetConcurrencyIT {
    private static final int LIMIT = SlidingWindowBudgetIT.LIMIT;
    private static final long WINDOW = SlidingWindowBudgetIT.WINDOW;
    private static final long START = SlidingWindowBudgetIT.START;
    private static LocalTemplate stack;

    private final SteppedClock clock = new SteppedClock(START);
    private final Random random = new Random(7);

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private SlidingWindowBudget instance() {
        return SlidingWindowBudgetIT.instance(stack, clock, random);
    }

    @Test
    void sendersAskingAtTheSameInstantFromManyInstancesGetNoMoreThanTheLimit() throws Exception {
        List<Callable<Boolean>> asks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SlidingWindowBudget budget = instance();
            for (int j = 0; j < 40; j++) {
                asks.add(() -> budget.take(new Pacer.Ask(Priority.HIGH, "exotel-call", false)) instanceof Pacer.Admission.Granted);
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        long granted = 0;
        try {
            for (Future<Boolean> answer : threads.invokeAll(asks)) {
                granted += answer.get() ? 1 : 0;
            }
        } finally {
            threads.shutdown();
        }

        // 320 asks for the same instant: a high-priority source takes up to the tenth kept for newcomers once it holds half.
        assertThat(granted).isEqualTo(LIMIT - 19);
        // Another source's Code Blue a moment before the window ends has the rest, and then waits for the window.
        clock.set(START + WINDOW - 1);
        SlidingWindowBudget other = instance();
        for (int i = 0; i < 19; i++) {
            assertThat(other.take(new Pacer.Ask(Priority.HIGH, "other", false))).isInstanceOf(Pacer.Admission.Granted.class);
        }
        assertThat(other.take(new Pacer.Ask(Priority.HIGH, "other", false)))
                .isEqualTo(new Pacer.Admission.NotBefore(java.time.Instant.ofEpochMilli(START + WINDOW)));
    }
}
