package sosrelay.local;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.local.backends.LocalTemplate;

/** Issue 23, item 8: the README's demo secret and keys only where nobody else can reach the stack and nobody real is rung. */
class DemoCredentialsTest {
    private static final String DEMO_KEYS = LocalRelay.LOCAL_API_KEY + "," + LocalRelay.LOCAL_OPERATOR_KEY;

    @Test
    void theDemoSecretAndKeysAreRefusedBeyondLoopbackOrWithARealExotel() {
        assertThatThrownBy(() -> DemoCredentials.refuseWhereExposed("0.0.0.0", null, LocalRelay.LOCAL_SECRET, DEMO_KEYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bound to 0.0.0.0, beyond loopback")
                .hasMessageContaining("set SOS_WEBHOOK_SECRET").hasMessageContaining("set SOS_API_KEYS");
        assertThatThrownBy(() -> DemoCredentials.refuseWhereExposed("127.0.0.1", "https://api.in.exotel.com", "my-own-secret-0123456789",
                DEMO_KEYS)).hasMessageContaining("uses a real Exotel").hasMessageNotContaining("SOS_WEBHOOK_SECRET");
        assertThatThrownBy(() -> DemoCredentials.refuseWhereExposed("192.168.1.20", null, "NEW-secret-0123456789," + LocalRelay.LOCAL_SECRET,
                "my-key")).hasMessageContaining("SOS_WEBHOOK_SECRET");
    }

    @Test
    void onLoopbackWithTheSandboxOrAStandInOnLoopbackTheDemoWorksAsDoOwnCredentialsAnywhere() {
        assertThatCode(() -> DemoCredentials.refuseWhereExposed("127.0.0.1", null, LocalRelay.LOCAL_SECRET, DEMO_KEYS)).doesNotThrowAnyException();
        assertThatCode(() -> DemoCredentials.refuseWhereExposed("localhost", "http://127.0.0.1:8089", LocalRelay.LOCAL_SECRET, DEMO_KEYS))
                .doesNotThrowAnyException();
        assertThatCode(() -> DemoCredentials.refuseWhereExposed("0.0.0.0", "https://api.in.exotel.com", "my-own-secret-0123456789",
                "panel-7-key,desk-key")).doesNotThrowAnyException();
    }

    @Test
    void theStackRefusesToStartWithThemOnAllInterfaces() {
        assertThatThrownBy(() -> LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withHost("0.0.0.0"), Map.of(),
                new PrintStream(PrintStream.nullOutputStream()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refuses its demo credentials");
    }
}
