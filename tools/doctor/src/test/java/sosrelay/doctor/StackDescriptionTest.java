package sosrelay.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The parameters the doctor checks follow the providers the stack names: a provider not listed is never read. */
class StackDescriptionTest {
    private static final Map<String, String> OUTPUTS = Map.of("SsmParameters", "/s/webhook-secret,/s/exotel-api-token",
            "PlivoSsmParameters", "/s/plivo-auth-token", "ExotelBSsmParameters", "/s/exotel-b-api-token,/s/exotel-b-flow-url");

    @Test
    void eachProvidersParametersAreCheckedOnlyWhenVoiceProvidersNamesIt() {
        assertThat(stack("exotel").ssmParameters()).containsExactly("/s/webhook-secret", "/s/exotel-api-token");
        assertThat(stack("exotel,plivo").ssmParameters()).containsExactly("/s/webhook-secret", "/s/exotel-api-token", "/s/plivo-auth-token");
        assertThat(stack("exotel, exotel:b ,plivo").ssmParameters()).containsExactly("/s/webhook-secret", "/s/exotel-api-token",
                "/s/plivo-auth-token", "/s/exotel-b-api-token", "/s/exotel-b-flow-url");
    }

    private static StackDescription stack(String voiceProviders) {
        return new StackDescription("s", "ap-south-1", Map.of("VoiceProviders", voiceProviders), OUTPUTS, Map.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), false);
    }
}
