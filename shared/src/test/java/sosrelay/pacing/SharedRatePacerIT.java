package sosrelay.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sosrelay.local.backends.LocalTemplate;

/** The shared pacer on DynamoDB Local, reserved from many threads at once as many Lambda instances would. */
class SharedRatePacerIT {
    private static LocalTemplate stack;

    @BeforeAll
    static void start() {
        stack = LocalTemplate.start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void cleanSlate() {
        stack.reset();
    }

    private static SharedRatePacer pacer(int perMinute, int burst) {
        return new SharedRatePacer(stack.backends().dynamoDb(), stack.tableName("IncidentsTable"), "test", perMinute, burst,
                Clock.systemUTC());
    }

    @Test
    void concurrentReservationsGetABurstAtOnceThenEvenlySpacedSlots() throws Exception {
        SharedRatePacer pacer = pacer(600, 5);
        Instant before = Instant.now();
        List<Callable<Instant>> reservations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            reservations.add(pacer::reserve);
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Instant> slots = new ArrayList<>();
        try {
            for (Future<Instant> slot : threads.invokeAll(reservations)) {
                slots.add(slot.get());
            }
        } finally {
            threads.shutdown();
        }
        slots.sort(null);

        // 600 a minute is one every 100 ms; the first five need not wait.
        assertThat(slots.subList(0, 5)).allSatisfy(s -> assertThat(Duration.between(before, s)).isLessThan(Duration.ofSeconds(1)));
        for (int i = 6; i < slots.size(); i++) {
            assertThat(Duration.between(slots.get(i - 1), slots.get(i)).toMillis()).isBetween(90L, 110L);
        }
        // Over the whole run no second holds more than the burst plus a second's worth.
        for (Instant s : slots) {
            long inSecond = slots.stream().filter(o -> !o.isBefore(s) && o.isBefore(s.plusSeconds(1))).count();
            assertThat(inSecond).isLessThanOrEqualTo(5 + 10);
        }
    }

    @Test
    void anIdleBucketGivesNow() {
        Instant before = Instant.now();

        assertThat(pacer(180, 20).reserve()).isBetween(before.minusMillis(5), Instant.now());
    }

    @Test
    void aProvidersRetryAfterHoldsBackEveryoneUntilItHasPassed() {
        SharedRatePacer pacer = pacer(180, 20);
        Instant asked = Instant.now();

        pacer.pushBack(Duration.ofSeconds(30));

        assertThat(pacer.reserve()).isAfterOrEqualTo(asked.plusSeconds(30));
    }
}
