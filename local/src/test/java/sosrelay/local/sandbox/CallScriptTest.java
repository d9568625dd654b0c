package sosrelay.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallScriptTest {
    @Test
    void theVariableScriptsEachNumberInOrder() {
        Map<String, List<CallOutcome>> scripts = CallScript.parse("+919800000001=no-answer,press-1; 09800000002 = busy ;");

        assertThat(scripts).containsExactly(
                Map.entry("+919800000001", List.of(CallOutcome.NO_ANSWER, CallOutcome.PRESS_1)),
                Map.entry("+919800000002", List.of(CallOutcome.BUSY)));
    }

    @Test
    void aRefusalBeforeRingingPlaysOnlyAnOutcomeThatIsNext() {
        CallScript script = new CallScript();
        script.script("+919800000001", List.of(CallOutcome.INVALID_NUMBER, CallOutcome.ANSWER));

        assertThat(script.playsNext("+919800000001", CallOutcome.INVALID_NUMBER)).isTrue();
        assertThat(script.playsNext("+919800000001", CallOutcome.INVALID_NUMBER)).as("the next call answers").isFalse();
        assertThat(script.next("+919800000001")).isEqualTo(CallOutcome.ANSWER);
        assertThat(script.playsNext("+919800000002", CallOutcome.INVALID_NUMBER)).as("unscripted: answers").isFalse();
    }

    @Test
    void noVariableMeansNoScripts() {
        assertThat(CallScript.parse(null)).isEmpty();
        assertThat(CallScript.parse("")).isEmpty();
    }

    @Test
    void anUnknownOutcomeIsNamedWithItsEntry() {
        assertThatThrownBy(() -> CallScript.parse("+919800000001=no-answer,pres-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'+919800000001=no-answer,pres-1'")
                .hasMessageContaining("unknown call outcome 'pres-1'")
                .hasMessageContaining("press-1");
    }

    @Test
    void otherBadEntriesAreRefusedToo() {
        assertThatThrownBy(() -> CallScript.parse("+919800000001")).hasMessageContaining("is not <number>=<outcome>");
        assertThatThrownBy(() -> CallScript.parse("12345=busy")).hasMessageContaining("'12345' is not a phone number");
        assertThatThrownBy(() -> CallScript.parse("+919800000001=")).hasMessageContaining("no outcomes given");
        assertThatThrownBy(() -> CallScript.parse("+919800000001=busy,")).hasMessageContaining("unknown call outcome ''");
        assertThatThrownBy(() -> CallScript.parse("+919800000001=busy;9800000001=failed"))
                .hasMessageContaining("+919800000001 is scripted twice");
    }

    @Test
    void eachCallTakesTheNextOutcomeAndTheLastRepeats() {
        CallScript script = new CallScript();
        script.script("+919800000001", List.of(CallOutcome.NO_ANSWER, CallOutcome.PRESS_1));

        assertThat(List.of(script.next("+919800000001"), script.next("09800000001"), script.next("+919800000001")))
                .containsExactly(CallOutcome.NO_ANSWER, CallOutcome.PRESS_1, CallOutcome.PRESS_1);
        assertThat(script.next("+919800000002")).isEqualTo(CallOutcome.ANSWER);
    }

    @Test
    void scriptingANumberAgainStartsItsScriptOverAndClearingAnswersEveryone() {
        CallScript script = new CallScript();
        script.script("+919800000001", List.of(CallOutcome.BUSY, CallOutcome.FAILED));
        script.next("+919800000001");
        script.script("+919800000001", List.of(CallOutcome.BUSY, CallOutcome.FAILED));

        assertThat(script.next("+919800000001")).isEqualTo(CallOutcome.BUSY);
        script.script("+919700000001", List.of(CallOutcome.FAILED));
        assertThat(script.scripts().keySet()).containsExactly("+919700000001", "+919800000001");
        script.clear();
        assertThat(script.next("+919800000001")).isEqualTo(CallOutcome.ANSWER);
        assertThat(script.scripts()).isEmpty();
    }

    @Test
    void outcomesTellWhatExotelReports() {
        assertThat(CallOutcome.NO_CALLBACK.finalStatus()).isEqualTo("no-answer");
        assertThat(CallOutcome.NO_CALLBACK.postsCallback()).isFalse();
        assertThat(CallOutcome.PRESS_2.picksUp()).isTrue();
        assertThat(CallOutcome.PRESS_2.digits()).isEqualTo("2");
        assertThat(CallOutcome.BUSY.picksUp()).isFalse();
    }
}
