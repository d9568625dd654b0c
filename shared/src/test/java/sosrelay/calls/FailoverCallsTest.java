package sosrelay.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.delivery.DeliveryJob;
import sosrelay.delivery.SendResult;
import sosrelay.directory.Channel;
import sosrelay.pacing.Pacer;

class FailoverCallsTest {
    private static final SendResult DOWN = new SendResult.Transient("503", null);
    private static final SendResult.Unknown TIMED_OUT = new SendResult.Unknown("did not answer within 8000 ms");

    /** A provider that answers as scripted (then accepts), and counts who it was asked to ring. */
    private static final class Scripted implements VoiceProvider {
        private final String name;
        private final Deque<SendResult> script = new ArrayDeque<>();
        private final List<String> asked = new ArrayList<>();
        private List<String> sent = List.of();
        private int lookups;

        Scripted(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public SendResult send(DeliveryJob job) {
            asked.add(job.personId());
            SendResult next = script.poll();
            return next != null ? next : new SendResult.Accepted(VoiceProviders.storedId(name, job.personId()));
        }

        @Override
        public List<String> sentSince(DeliveryJob job, Instant since) {
            lookups++;
            if (sent == null) {
                throw new IllegalStateException(name + " call details timed out");
            }
            return sent;
        }

        @Override
        public String status(String providerId) {
            return "completed";
        }
    }

    private final Scripted exotel = new Scripted("exotel");
    private final Scripted plivo = new Scripted("plivo");
    private Instant now = Instant.parse("2026-12-07T03:00:00Z");
    private final Clock clock = new Clock() {
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
    };
    private final ProviderHealth health = new ProviderHealth(clock);
    private final FailoverCalls calls = new FailoverCalls(new VoiceProviders(List.of(exotel, plivo)), health,
            new VoiceBudgets(Map.of("exotel", Pacer.NONE, "plivo", Pacer.NONE), health));

    private static DeliveryJob job(String person) {
        return new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", person, "+919800000001", Channel.CALL, 1);
    }

    @Test
    void aHealthyPrimaryPlacesEveryCallAndTheNextPlacesNothing() {
        for (int i = 0; i < 10; i++) {
            assertThat(calls.send(job("p" + i))).isEqualTo(new SendResult.Accepted("p" + i));
        }
        assertThat(plivo.asked).isEmpty();
    }

    @Test
    void anAttemptThePrimaryRefusesAsDownGoesToTheNextAtOnceAndOnceItIsOpenThePrimaryIsNotAsked() {
        exotel.script.addAll(List.of(DOWN, DOWN, DOWN));

        assertThat(calls.send(job("p1"))).isEqualTo(new SendResult.Accepted("plivo-p1"));
        assertThat(calls.send(job("p2"))).isEqualTo(new SendResult.Accepted("plivo-p2"));
        assertThat(calls.send(job("p3"))).isEqualTo(new SendResult.Accepted("plivo-p3"));

        assertThat(exotel.asked).as("open after two failures running").containsExactly("p1", "p2");
        assertThat(plivo.asked).containsExactly("p1", "p2", "p3");
    }

    @Test
    void aTimedOutRequestIsLookedUpOnTheProviderAskedAndOneItPlacedIsNeverSentToAnother() {
        exotel.script.add(TIMED_OUT);
        exotel.sent = List.of("exotel-late-1");

        assertThat(calls.send(job("p1"))).isEqualTo(TIMED_OUT.askedOf("exotel"));
        assertThat(exotel.lookups).isEqualTo(1);
        assertThat(plivo.lookups).isZero();
        assertThat(plivo.asked).isEmpty();
    }

    @Test
    void aTimedOutRequestTheProviderPlacedNothingForGoesToTheNextAtOnceAndTheTimeoutOpensIt() {
        exotel.script.add(TIMED_OUT);

        assertThat(calls.send(job("p1"))).isEqualTo(new SendResult.Accepted("plivo-p1"));
        assertThat(calls.send(job("p2"))).isEqualTo(new SendResult.Accepted("plivo-p2"));
        assertThat(exotel.asked).as("one timeout opens it").containsExactly("p1");
        assertThat(plivo.lookups).isZero();
    }

    @Test
    void aTimedOutRequestWhoseLookUpFailsTooGoesToTheNextAndIfNoneTakesItStaysUnsureAtTheProviderAsked() {
        exotel.script.addAll(List.of(TIMED_OUT, TIMED_OUT));
        exotel.sent = null;

        assertThat(calls.send(job("p1"))).isEqualTo(new SendResult.Accepted("plivo-p1"));

        now = now.plus(ProviderHealth.OPEN_FOR);
        plivo.script.addAll(List.of(DOWN));
        SendResult result = calls.send(job("p2"));
        assertThat(result).isInstanceOf(SendResult.Unknown.class);
        assertThat(((SendResult.Unknown) result).provider()).isEqualTo("exotel");
    }

    @Test
    void theLastProviderTimingOutIsLeftUnsureAtIt() {
        exotel.script.add(DOWN);
        plivo.script.add(TIMED_OUT);

        assertThat(calls.send(job("p1"))).isEqualTo(TIMED_OUT.askedOf("plivo"));
        assertThat(plivo.lookups).as("the worker asks, after the provider settled").isZero();
    }

    @Test
    void afterItsOpenTimeOneProbeGoesToThePrimaryAndItsSuccessClosesIt() {
        exotel.script.addAll(List.of(DOWN, DOWN));
        calls.send(job("p1"));
        calls.send(job("p2"));
        now = now.plus(ProviderHealth.OPEN_FOR);

        assertThat(calls.send(job("probe"))).isEqualTo(new SendResult.Accepted("probe"));
        assertThat(calls.send(job("p4"))).isEqualTo(new SendResult.Accepted("p4"));
        assertThat(plivo.asked).containsExactly("p1", "p2");
    }

    @Test
    void aFailedProbeOpensThePrimaryAgainAtOnce() {
        exotel.script.addAll(List.of(DOWN, DOWN, DOWN));
        calls.send(job("p1"));
        calls.send(job("p2"));
        now = now.plus(ProviderHealth.OPEN_FOR).plus(Duration.ofSeconds(1));

        assertThat(calls.send(job("probe"))).isEqualTo(new SendResult.Accepted("plivo-probe"));
        assertThat(calls.send(job("p4"))).isEqualTo(new SendResult.Accepted("plivo-p4"));
        assertThat(exotel.asked).containsExactly("p1", "p2", "probe");
    }

    @Test
    void aPermanentRefusalEndsTheAttemptAsToday() {
        SendResult invalid = new SendResult.Permanent("Exotel 400: Invalid From number");
        exotel.script.add(invalid);

        assertThat(calls.send(job("p1"))).isEqualTo(invalid);
        assertThat(plivo.asked).isEmpty();
    }

    @Test
    void withEveryProviderDownEachIsStillTriedAndTheAttemptIsRetried() {
        exotel.script.addAll(List.of(DOWN, DOWN, DOWN));
        plivo.script.addAll(List.of(DOWN, DOWN, DOWN));
        calls.send(job("p1"));
        calls.send(job("p2"));

        assertThat(calls.send(job("p3"))).isEqualTo(DOWN);
        assertThat(exotel.asked).containsExactly("p1", "p2", "p3");
        assertThat(plivo.asked).containsExactly("p1", "p2", "p3");
    }

    @Test
    void whatWasSentIsAskedOfEveryProviderWhenItIsNotKnownWhichWasAsked() {
        plivo.sent = List.of("plivo-late-1");

        assertThat(calls.sentSince(job("p1"), now)).containsExactly("plivo-late-1");
        assertThat(calls.sentSince(job("p1"), now, java.util.Set.of())).containsExactly("plivo-late-1");
        assertThat(exotel.lookups).isEqualTo(2);
    }

    @Test
    void whatWasSentIsAskedOnlyOfTheProvidersTheUnansweredRequestsWentTo() {
        exotel.sent = null;
        plivo.sent = List.of("plivo-late-1");

        assertThat(calls.sentSince(job("p1"), now, java.util.Set.of("plivo"))).containsExactly("plivo-late-1");
        assertThat(exotel.lookups).isZero();
    }
}
