package sosrelay.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryStatesTest {

    @ParameterizedTest
    @CsvSource({"no-answer,no-answer", "NO-ANSWER,no-answer", "failed_dnd,failed-dnd", " completed ,completed", "ringing,ringing"})
    void readsExotelsWordsInOneSpelling(String exotel, String ours) {
        assertThat(DeliveryStates.normalise(exotel)).isEqualTo(ours);
    }

    @Test
    void anUnknownWordIsNoState() {
        assertThat(DeliveryStates.normalise("exploded")).isNull();
        assertThat(DeliveryStates.normalise(null)).isNull();
    }

    @Test
    void statesComeInOrderAndEveryEndIsFinal() {
        assertThat(DeliveryStates.rank("claimed")).isLessThan(DeliveryStates.rank("accepted"));
        assertThat(DeliveryStates.rank("accepted")).isLessThan(DeliveryStates.rank("ringing"));
        assertThat(DeliveryStates.rank("ringing")).isLessThan(DeliveryStates.rank("in-progress"));
        assertThat(DeliveryStates.rank("queued")).isLessThan(DeliveryStates.rank("submitted"));
        for (String end : new String[] {"completed", "no-answer", "busy", "failed", "sent", "failed-dnd"}) {
            assertThat(DeliveryStates.rank(end)).isEqualTo(DeliveryStates.FINAL);
        }
    }

    @Test
    void aReadMessageFollowsItsDeliveryAndIsNeitherUndeliveredNorMovedBack() {
        assertThat(DeliveryStates.normalise("READ")).isEqualTo(DeliveryStates.READ);
        assertThat(DeliveryStates.rank(DeliveryStates.READ)).isGreaterThan(DeliveryStates.rank("delivered"))
                .isGreaterThan(DeliveryStates.rank("failed"));
        assertThat(DeliveryStates.undelivered(DeliveryStates.READ)).isFalse();
    }

    @Test
    void onlyCallsThatDidNotReachThePersonAreUnanswered() {
        assertThat(DeliveryStates.unanswered("no-answer")).isTrue();
        assertThat(DeliveryStates.unanswered("busy")).isTrue();
        assertThat(DeliveryStates.unanswered("failed")).isTrue();
        assertThat(DeliveryStates.unanswered("completed")).isFalse();
    }
}
