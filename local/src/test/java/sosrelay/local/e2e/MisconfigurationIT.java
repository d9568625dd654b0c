package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;

/**
 * Issue 20: a webhook secret under 16 characters and an unset alert DLT template are found when the stack starts, not at
 * the first emergency: every function's init is tried, the start fails naming each function and problem (so
 * {@code LocalStackMain} never prints "Ready"), and each failed init logs function.init-failed with the InitFailed metric
 * the operators' alarm watches.
 */
class MisconfigurationIT {

    @Test
    void anInvalidSettingFailsTheStartNamingEveryFunctionThatNeedsIt() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()),
                    Map.of("SOS_WEBHOOK_SECRET", "too-short-12", "EXOTEL_DLT_TEMPLATE_ID", ""), new PrintStream(PrintStream.nullOutputStream())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the local stack cannot start:")
                    .hasMessageContaining("ExotelPassthruFunction cannot start: every webhook secret needs at least 16 characters")
                    .hasMessageContaining("ExotelAckFunction cannot start: every webhook secret needs at least 16 characters")
                    .hasMessageContaining("SmsJobFunction cannot start:")
                    .hasMessageContaining("EXOTEL_DLT_TEMPLATE_ID is not set")
                    .as("a function that takes no webhook and sends no SMS starts").hasMessageNotContaining("HeartbeatCheckFunction");
        } finally {
            System.setOut(originalOut);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("\"event\":\"function.init-failed\"", "\"InitFailed\"")
                .doesNotContain("too-short-12");
    }
}
