package sosrelay.local.sandbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;

/** A typo in SOS_SANDBOX_SCRIPT or SOS_SANDBOX_CALL_DETAILS_LAG_SECONDS stops the start, before any port opens, saying what is wrong. */
class SandboxScriptVariableTest {
    @Test
    void anInvalidScriptFailsTheStartNamingTheVariableAndTheEntry() {
        assertThatThrownBy(() -> LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()),
                Map.of(LocalRelay.SANDBOX_SCRIPT_VARIABLE, "+919800000001=no-anwser"), new PrintStream(PrintStream.nullOutputStream())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SOS_SANDBOX_SCRIPT: '+919800000001=no-anwser': unknown call outcome 'no-anwser'");
    }

    @Test
    void anUnreadableCallDetailsLagFailsTheStartNamingTheVariable() {
        assertThatThrownBy(() -> LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()),
                Map.of(LocalRelay.SANDBOX_CALL_DETAILS_LAG_VARIABLE, "90s"), new PrintStream(PrintStream.nullOutputStream())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SOS_SANDBOX_CALL_DETAILS_LAG_SECONDS: '90s' is not 0-3600 seconds");
    }
}
