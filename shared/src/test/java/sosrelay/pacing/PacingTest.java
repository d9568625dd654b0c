package sosrelay.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;
import sosrelay.delivery.DeliveryJob;

class PacingTest {
    private static final DeliveryJob JOB = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "p", "+919800000001", Channel.CALL, 1, null,
            Priority.HIGH, null, "exotel-call");
    private final List<String> requeued = new ArrayList<>();
    private final List<Priority> requeuedPriorities = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private final List<Pacer.Ask> asks = new ArrayList<>();

    /** A budget that answers "not before" with each of {@code answers} in turn (null: granted). */
    private Pacing pacing(Instant... answers) {
        List<Instant> left = new ArrayList<>(List.of(answers));
        Pacer scripted = new Pacer() {
            @Override
            public Admission take(Ask ask) {
                asks.add(ask);
                Instant next = left.isEmpty() ? null : left.remove(0);
                return next == null ? GRANTED : new Admission.NotBefore(next);
            }

            @Override
            public void pushBack(Duration wait) {
                throw new AssertionError("not expected");
            }
        };
        return new Pacing(scripted, Duration.ofSeconds(5), (priority, body, delay) -> {
            requeuedPriorities.add(priority);
            requeued.add(body);
            delays.add(delay);
        }, Clock.systemUTC());
    }

    @Test
    void aJobTheBudgetHasRoomForGoesAtOnceAskingWithItsPriorityAndSource() {
        assertThat(pacing().admit(JOB)).isTrue();

        assertThat(requeued).isEmpty();
        assertThat(asks).containsExactly(new Pacer.Ask(Priority.HIGH, "exotel-call", false));
    }

    @Test
    void aJobThatMustWaitLongerThanAWorkerWouldGoesBackDelayedCarryingWhenToAskAgain() {
        Instant room = Instant.now().plusSeconds(60);

        assertThat(pacing(room).admit(JOB)).isFalse();

        assertThat(requeued).singleElement().satisfies(body -> assertThat(DeliveryJob.fromJson(body).slot()).isEqualTo(room));
        assertThat(requeuedPriorities).as("the priority goes with the body, so that it goes back on its own queue (urgent or not)")
                .containsExactly(Priority.HIGH);
        assertThat(delays.get(0)).isBetween(Duration.ofSeconds(58), Duration.ofSeconds(59));
    }

    @Test
    void aJobBackFromWaitingAsksAgainAsABacklog() {
        DeliveryJob back = DeliveryJob.fromJson(JOB.messageWithSlot(Instant.now().minusMillis(10)));

        assertThat(pacing().admit(back)).isTrue();
        assertThat(asks).containsExactly(new Pacer.Ask(Priority.HIGH, "exotel-call", true));
    }

    @Test
    void aJobBackEarlyWaitsForItsTimeBeforeAsking() {
        Instant slot = Instant.now().plusMillis(300);

        assertThat(pacing().admit(DeliveryJob.fromJson(JOB.messageWithSlot(slot)))).isTrue();
        assertThat(Instant.now()).isAfterOrEqualTo(slot);
        assertThat(asks).hasSize(1);
    }

    @Test
    void aShortWaitIsWaitedInTheWorkerAndTheBudgetAskedAgain() {
        Instant room = Instant.now().plusMillis(300);

        assertThat(pacing(room).admit(JOB)).isTrue();
        assertThat(Instant.now()).isAfterOrEqualTo(room);
        assertThat(asks).hasSize(2);
        assertThat(requeued).isEmpty();
    }
}
