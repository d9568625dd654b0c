package sosrelay.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's DLT: the registered template, 30 characters a variable, and URLs only on the sender's whitelist. */
class DltScrubberTest {
    private static final List<String> WHITELIST = List.of("https://sos.example.in/Prod");

    @Test
    void aLinkUnderTheWhitelistedBasePassesAnyOtherFails() {
        assertThat(DltScrubber.urlRefusal("Recording: https://sos.example.in/Prod/r/q0fP5Zr8sT2vW4xY6zA1bQ Ref: inc-1.", WHITELIST)).isNull();
        assertThat(DltScrubber.urlRefusal("No link at all.", List.of())).isNull();
        assertThat(DltScrubber.urlRefusal("Recording: https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/xx_0.mp3 Ref", WHITELIST))
                .isEqualTo("the URL https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/xx_0.mp3 is not whitelisted for this sender");
        assertThat(DltScrubber.urlRefusal("See https://sos.example.in.evil.com/Prod/r/x", WHITELIST)).isNotNull();
        assertThat(DltScrubber.urlRefusal("See HTTP://sos.example.in/Other/x", WHITELIST)).as("another path of the domain").isNotNull();
        assertThat(DltScrubber.urlRefusal("Recording: https://sos.example.in/Prod/r/x", List.of())).as("nothing whitelisted").isNotNull();
    }

    @Test
    void theLinksTokenIsTheOnlyVariableOfItsUrl() {
        DltScrubber registered = new DltScrubber("Recording: https://sos.example.in/Prod/r/{#var#} Ref: {#var#}.");

        assertThat(registered.refusal("Recording: https://sos.example.in/Prod/r/q0fP5Zr8sT2vW4xY6zA1bQ Ref: inc-1.")).isNull();
        assertThat(registered.refusal("Recording: https://sos.example.in/Prod/r/none Ref: inc-1.")).isNull();
        assertThat(registered.refusal("Recording: https://elsewhere.example/r/q0fP5Zr8sT2vW4xY6zA1bQ Ref: inc-1."))
                .isEqualTo("the body does not match the registered DLT template");
    }
}
