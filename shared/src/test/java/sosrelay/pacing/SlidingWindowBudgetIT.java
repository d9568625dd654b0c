package sosrelay.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Priority;
import sosrelay.local.backends.LocalTemplate;

/**
 * The shared budget on DynamoDB Local against a clock the test moves: a worst case of 1,000 people, bursts from
 * other sources, a provider's Retry-After and Lambda instances restarting with nothing remembered, replayed
 * send by send as the workers would ask. Whatever the interleaving, no 60-second window may hold more than
 * the limit, and nobody may wait while there is room for them.
 */
class SlidingWindowBudgetIT {
    static final int LIMIT = 190;
    static final long WINDOW = 60_000;
    static final long START = 1_700_000_000_000L;
    private static final long MAX_WAIT = 5_000;
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

    @BeforeEach
    void cleanSlate() {
        stack.reset();
    }

    private SlidingWindowBudget instance() {
        return instance(stack, clock, random);
    }

    /** One worker's view of the test's budget (190 in any 60 s) on {@code stack}'s table, as a fresh Lambda instance has. */
    static SlidingWindowBudget instance(LocalTemplate stack, SteppedClock clock, Random random) {
        return new SlidingWindowBudget(stack.backends().dynamoDb(), stack.tableName("IncidentsTable"), "test",
                BudgetShares.of(LIMIT, Duration.ofMillis(WINDOW)), clock, new Random(random.nextLong()));
    }

    private record Job(int id, Priority priority, String source, boolean waited) {
    }

    private record Due(long at, long order, Job job) {
    }

    private record Sent(long at, Job job) {
    }

    @Test
    void aThousandPeopleWithBurstsRestartsAndARetryAfterNeverExceedTheLimitInAnyWindow() {
        PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparingLong(Due::at).thenComparingLong(Due::order));
        long[] order = {0};
        int[] ids = {0};
        java.util.function.BiConsumer<Long, Job> arrive = (at, job) -> due.add(new Due(at, order[0]++, job));
        addBurst(arrive, ids, 0, 1000, Priority.NORMAL, "cloudwatch-alarm:mass");
        addBurst(arrive, ids, 5_000, 20, Priority.HIGH, "exotel-call");
        addBurst(arrive, ids, 30_000, 150, Priority.NORMAL, "device:key-1");
        addBurst(arrive, ids, 90_000, 20, Priority.NORMAL, "exotel-call");
        long holdAt = 200_000;
        long hold = 10_000;

        List<SlidingWindowBudget> instances = new ArrayList<>(List.of(instance(), instance(), instance(), instance(), instance()));
        long nextRestart = 20_000;
        boolean held = false;
        List<Sent> sent = new ArrayList<>();
        while (!due.isEmpty()) {
            Due next = due.poll();
            if (!held && next.at() >= holdAt) {
                clock.set(START + holdAt);
                instances.get(0).pushBack(Duration.ofMillis(hold));
                held = true;
            }
            if (next.at() >= nextRestart) {
                // Every instance is replaced: what they had seen of the budget is gone.
                instances.replaceAll(old -> instance());
                nextRestart += 20_000;
            }
            clock.set(START + next.at());
            Job job = next.job();
            Pacer.Admission admission = instances.get((int) (next.order() % instances.size()))
                    .take(new Pacer.Ask(job.priority(), job.source(), job.waited()));
            if (admission instanceof Pacer.Admission.NotBefore later) {
                long at = later.at().toEpochMilli() - START;
                assertThat(at).isGreaterThan(next.at());
                // Waiting longer than a worker would puts the job back on the queue: it comes back as a backlog.
                arrive.accept(at, new Job(job.id(), job.priority(), job.source(), job.waited() || at - next.at() > MAX_WAIT));
            } else {
                sent.add(new Sent(next.at(), job));
            }
        }

        assertThat(sent).hasSize(1190);
        assertThat(sent.stream().map(s -> s.job().id()).distinct()).hasSize(1190);
        List<Long> times = sent.stream().map(Sent::at).sorted().toList();
        for (int i = 0; i + LIMIT < times.size(); i++) {
            assertThat(times.get(i + LIMIT) - times.get(i)).as("sends %d and %d", i, i + LIMIT).isGreaterThanOrEqualTo(WINDOW);
        }
        assertThat(times).noneMatch(t -> t >= holdAt && t <= holdAt + hold);
        // No waiting while there is room: the mass fan-out's first sends all go at once, up to what it leaves to others
        // (a tenth for high priority, a tenth for newcomers once it holds half), and the Code Blue at once too.
        assertThat(sentBy(sent, "cloudwatch-alarm:mass").stream().filter(t -> t == 0)).hasSize(LIMIT - 19 - 19);
        assertThat(sentBy(sent, "exotel-call").subList(0, 20)).containsOnly(5_000L);
        // The device's wave (come while the budget was spent) and the late Passthru go before the mass's backlog does.
        assertThat(sentBy(sent, "device:key-1").get(0)).isLessThanOrEqualTo(sentBy(sent, "cloudwatch-alarm:mass").get(LIMIT - 38));
        // The late Passthru's wave goes at once as far as normal priority may (the last tenth is for high priority); one
        // that found no room waits with the backlog, never more than the moment a flood yields behind it.
        List<Long> latePassthru = sentBy(sent, "exotel-call").subList(20, 40);
        long massAfter = sentBy(sent, "cloudwatch-alarm:mass").stream().filter(t -> t >= 90_000).findFirst().orElseThrow();
        assertThat(latePassthru.stream().filter(t -> t == 90_000)).hasSizeGreaterThanOrEqualTo(19);
        assertThat(latePassthru).allSatisfy(t -> assertThat(t).isLessThanOrEqualTo(massAfter + WINDOW / 60));
    }

    private static void addBurst(java.util.function.BiConsumer<Long, Job> arrive, int[] ids, long at, int people,
                                 Priority priority, String source) {
        for (int i = 0; i < people; i++) {
            arrive.accept(at, new Job(ids[0]++, priority, source, false));
        }
    }

    private static List<Long> sentBy(List<Sent> sent, String source) {
        return sent.stream().filter(s -> s.job().source().equals(source)).map(Sent::at).sorted().toList();
    }
}
