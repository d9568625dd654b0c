package sosrelay.local.sandbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;

/** A typo in SOS_SANDBOX_SCRIPT stops the start, before any port opens, saying what is wrong. */
class SandboxScriptVariableTest {
    @Test
    void anInvalidScriptFailsTheStartNamingTheVariableAndTheEntry() {
        assertThatThrownBy(() -> LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()),
                Map.of(LocalRelay.SANDBOX_SCRIPT_VARIABLE, "+919800000001=no-anwser"), new PrintStream(PrintStream.nullOutputStream())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SOS_SANDBOX_SCRIPT: '+919800000001=no-anwser': unknown call outcome 'no-anwser'");
    }
}
