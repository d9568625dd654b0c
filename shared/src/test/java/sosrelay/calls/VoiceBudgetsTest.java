package sosrelay.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;
import sosrelay.pacing.Pacer;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

class VoiceBudgetsTest {
    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final Pacer.Ask ASK = new Pacer.Ask(Priority.HIGH, "device:ward-3", false);

    /** A budget that answers as scripted (then grants), and notes what it was asked and told. */
    private static final class Scripted implements Pacer {
        private final Deque<Admission> script = new ArrayDeque<>();
        private final List<String> asked = new ArrayList<>();
        private final List<Duration> heldBack = new ArrayList<>();

        @Override
        public Admission take(Ask ask) {
            asked.add("alone");
            Admission next = script.poll();
            return next != null ? next : GRANTED;
        }

        @Override
        public boolean takesWithWrite() {
            return true;
        }

        @Override
        public Admission take(Ask ask, TransactWriteItem with) {
            asked.add("with");
            Admission next = script.poll();
            return next != null ? next : GRANTED;
        }

        @Override
        public void pushBack(Duration wait) {
            heldBack.add(wait);
        }
    }

    private final ProviderHealth health = new ProviderHealth(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Scripted exotel = new Scripted();
    private final Scripted plivo = new Scripted();
    private final VoiceBudgets budgets = budgets(health);

    private VoiceBudgets budgets(ProviderHealth health) {
        Map<String, Pacer> byName = new LinkedHashMap<>();
        byName.put("exotel", exotel);
        byName.put("plivo", plivo);
        return new VoiceBudgets(byName, health);
    }

    private final TransactWriteItem claim = TransactWriteItem.builder().build();

    @Test
    void aSendIsTakenFromThePrimarysBudgetAndNamesItsRoute() {
        assertThat(budgets.take(ASK, claim)).isEqualTo(new Pacer.Admission.Granted("exotel"));
        assertThat(plivo.asked).isEmpty();
    }

    @Test
    void aSpentBudgetPassesTheSendToTheNextWithRoomAndWithNoneTheSoonestIsWaitedFor() {
        exotel.script.add(new Pacer.Admission.NotBefore(NOW.plusSeconds(30)));
        assertThat(budgets.take(ASK, claim)).isEqualTo(new Pacer.Admission.Granted("plivo"));

        exotel.script.add(new Pacer.Admission.NotBefore(NOW.plusSeconds(30)));
        plivo.script.add(new Pacer.Admission.NotBefore(NOW.plusSeconds(12)));
        assertThat(budgets.take(ASK, claim)).isEqualTo(new Pacer.Admission.NotBefore(NOW.plusSeconds(12)));
    }

    @Test
    void aRefusedClaimIsTheAttemptsAndNoOtherBudgetIsAsked() {
        Pacer.Admission refused = new Pacer.Admission.Refused(Map.of());
        exotel.script.add(refused);

        assertThat(budgets.take(ASK, claim)).isEqualTo(refused);
        assertThat(plivo.asked).isEmpty();
    }

    @Test
    void anOpenProvidersBudgetIsNotAskedAndOnceItsOpenTimeIsOverNoProbeIsHeldByASendThatMayNotGo() {
        MovableClock clock = new MovableClock();
        ProviderHealth moving = new ProviderHealth(clock);
        VoiceBudgets budgets = budgets(moving);
        moving.failed("exotel");
        moving.failed("exotel");

        assertThat(budgets.take(ASK, claim)).isEqualTo(new Pacer.Admission.Granted("plivo"));
        assertThat(exotel.asked).as("open: not asked").isEmpty();

        clock.now = clock.now.plus(ProviderHealth.OPEN_FOR);
        exotel.script.add(new Pacer.Admission.NotBefore(clock.now.plusSeconds(30)));
        assertThat(budgets.take(ASK, claim)).isEqualTo(new Pacer.Admission.Granted("plivo"));
        assertThat(moving.admits("exotel")).as("its probe still free").isTrue();
    }

    @Test
    void aRetryAfterHoldsBackOnlyTheProviderThatAnsweredIt() {
        VoiceProvider slow = provider("exotel", new SendResult.Transient("429", Duration.ofSeconds(7)));
        VoiceProvider next = provider("plivo", new SendResult.Accepted("plivo-1"));
        FailoverCalls calls = new FailoverCalls(new VoiceProviders(List.of(slow, next)), health, budgets);

        assertThat(calls.send(job(), "exotel")).isEqualTo(new SendResult.Accepted("plivo-1"));
        assertThat(exotel.heldBack).containsExactly(Duration.ofSeconds(7));
        assertThat(plivo.heldBack).isEmpty();
        assertThat(plivo.asked).as("its own send taken before it was asked").containsExactly("alone");
        assertThat(exotel.asked).as("the route's send was taken by the worker").isEmpty();
    }

    @Test
    void aProviderWithNoRoomAfterARefusalIsPassedOverAndTheAttemptIsRetried() {
        SendResult down = new SendResult.Transient("503", null);
        FailoverCalls calls = new FailoverCalls(new VoiceProviders(List.of(provider("exotel", down), provider("plivo",
                new SendResult.Accepted("plivo-1")))), health, budgets);
        plivo.script.add(new Pacer.Admission.NotBefore(NOW.plusSeconds(40)));

        assertThat(calls.send(job(), "exotel")).isEqualTo(down);
    }

    private static DeliveryJob job() {
        return new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "p1", "+919800000001", Channel.CALL, 1);
    }

    private static VoiceProvider provider(String name, SendResult answer) {
        return new VoiceProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public SendResult send(DeliveryJob job) {
                return answer;
            }

            @Override
            public String status(String providerId) {
                return "completed";
            }
        };
    }

    private static final class MovableClock extends Clock {
        private Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
