package sosrelay.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacingTest {
    private static final String BODY = "{\"incidentId\":\"inc-aaaaaaaaaaaaaaaaaaaa\",\"personId\":\"p\",\"phone\":\"+919800000001\","
            + "\"channel\":\"call\",\"attempt\":1}";
    private final List<String> requeued = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    private Pacing pacing(Instant slot) {
        Pacer fixed = new Pacer() {
            @Override
            public Instant reserve() {
                return slot;
            }

            @Override
            public void pushBack(Duration wait) {
                throw new AssertionError("not expected");
            }
        };
        return new Pacing(fixed, Duration.ofSeconds(5), (body, delay) -> {
            requeued.add(body);
            delays.add(delay);
        }, Clock.systemUTC());
    }

    @Test
    void aSlotThatIsDueLetsTheJobGoAtOnce() {
        assertThat(pacing(Instant.now().minusSeconds(1)).admit(BODY)).isTrue();
        assertThat(requeued).isEmpty();
    }

    @Test
    void aSlotFurtherOffThanTheWaitPutsTheJobBackDelayedCarryingItsSlot() {
        Instant slot = Instant.now().plusSeconds(60);

        assertThat(pacing(slot).admit(BODY)).isFalse();

        assertThat(requeued).singleElement().satisfies(body -> assertThat(PacedJobs.slotOf(body)).isEqualTo(slot));
        assertThat(delays.get(0)).isBetween(Duration.ofSeconds(58), Duration.ofSeconds(59));
    }

    @Test
    void aJobThatCarriesItsSlotDoesNotReserveAgain() {
        String body = PacedJobs.withSlot(BODY, Instant.now().minusMillis(10));

        assertThat(pacing(Instant.now().plusSeconds(3600)).admit(body)).isTrue();
        assertThat(requeued).isEmpty();
    }

    @Test
    void aCloseSlotIsWaitedFor() {
        Instant slot = Instant.now().plusMillis(300);

        assertThat(pacing(slot).admit(BODY)).isTrue();
        assertThat(Instant.now()).isAfterOrEqualTo(slot);
    }
}
