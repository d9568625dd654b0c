package sosrelay.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxOutageTest {

    @Test
    void aProviderIsDownOnlyInsideItsWindow() {
        SandboxOutage outage = SandboxOutage.parse("exotel@20s+1m, gupshup@0s+10s");
        assertThat(outage.isDown(SandboxOutage.Provider.GUPSHUP, Instant.now())).as("not before the stack is ready").isFalse();

        Instant now = Instant.now();
        outage.begin();

        assertThat(outage.isDown(SandboxOutage.Provider.EXOTEL, now.plusSeconds(5))).isFalse();
        assertThat(outage.isDown(SandboxOutage.Provider.EXOTEL, now.plusSeconds(30))).isTrue();
        assertThat(outage.isDown(SandboxOutage.Provider.EXOTEL, now.plus(Duration.ofSeconds(81)))).isFalse();
        assertThat(outage.isDown(SandboxOutage.Provider.GUPSHUP, now.plusSeconds(5))).isTrue();
        assertThat(SandboxOutage.parse(" ").isDown(SandboxOutage.Provider.EXOTEL, now)).isFalse();
    }

    @Test
    void exotelTimingOutIsAWindowOfItsOwnNotADownOne() {
        SandboxOutage outage = SandboxOutage.parse("exotel-timeout@0s+1m");
        Instant now = Instant.now();
        outage.begin();

        assertThat(outage.timesOut(SandboxOutage.Provider.EXOTEL, now.plusSeconds(5))).isTrue();
        assertThat(outage.isDown(SandboxOutage.Provider.EXOTEL, now.plusSeconds(5))).as("hangs, never a quick 503").isFalse();
        assertThat(outage.timesOut(SandboxOutage.Provider.EXOTEL, now.plusSeconds(61))).isFalse();
    }

    @Test
    void aSpecItCannotReadIsNamed() {
        assertThatThrownBy(() -> SandboxOutage.parse("exotel@20s+60s,twilio@0s+1m"))
                .hasMessage("'twilio@0s+1m' is not <exotel|gupshup|plivo>@<start>+<length>, e.g. exotel@20s+60s (or exotel-timeout@0s+3m)");
        assertThatThrownBy(() -> SandboxOutage.parse("plivo-timeout@0s+1m"))
                .hasMessage("'plivo-timeout@0s+1m': only exotel can be made to time out (exotel-timeout@0s+3m)");
        assertThatThrownBy(() -> SandboxOutage.parse("exotel@soon")).hasMessageContaining("'exotel@soon'");
    }
}
