package sosrelay.plivo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plivo's V3 signature, on the vectors of shared/reference/providers.md (token my_auth_token, nonce 12345). */
class PlivoSignatureTest {
    private static final Map<String, String> PARAMS = Map.of("CallUUID", "abc", "Digits", "1", "From", "919000000001",
            "To", "919000000002");

    @Test
    void aPostIsSignedOverTheUrlAndItsSortedParameters() {
        assertThat(PlivoSignature.sign("POST", "https://example.com/plivo/input", Map.of(), PARAMS, "12345", "my_auth_token"))
                .isEqualTo("hMw6dpBd0zm+q0sNtsBzVRY1pIniP+ja0FLQ93ctixo=");
    }

    @Test
    void aPostsQueryIsSortedAndSetApartByADot() {
        assertThat(PlivoSignature.sign("POST", "https://example.com/abcd", Map.of("foo", "bar"), PARAMS, "12345", "my_auth_token"))
                .isEqualTo("AhlK15YSrU1M8hso4A7Nuvf6lHQEslali/hc9BGpZZE=");
    }

    @Test
    void aGetWithNothingToMergeIsSignedOverItsUrlAlone() {
        assertThat(PlivoSignature.sign("GET", "https://example.com/plivo/hangup", Map.of(), Map.of(), "12345", "my_auth_token"))
                .isEqualTo("+G/Y/sVUWfa5SpSLwz1YR0P/PI/2dEJBDpXetNujYVU=");
    }

    @Test
    void eitherTokenOfARotationPassesAndNothingElseDoes() {
        String signature = "hMw6dpBd0zm+q0sNtsBzVRY1pIniP+ja0FLQ93ctixo=";
        String url = "https://example.com/plivo/input";

        assertThat(PlivoSignature.valid("POST", url, Map.of(), PARAMS, "12345", signature, "new_token, my_auth_token")).isTrue();
        assertThat(PlivoSignature.valid("POST", url, Map.of(), PARAMS, "12345", "other," + signature, "my_auth_token")).isTrue();
        assertThat(PlivoSignature.valid("POST", url, Map.of(), PARAMS, "12345", signature, "new_token")).isFalse();
        assertThat(PlivoSignature.valid("POST", url, Map.of(), PARAMS, "12346", signature, "my_auth_token")).as("another nonce").isFalse();
        assertThat(PlivoSignature.valid("POST", url, Map.of(), Map.of("Digits", "2"), "12345", signature, "my_auth_token"))
                .as("another key pressed").isFalse();
        assertThat(PlivoSignature.valid("POST", url, Map.of(), PARAMS, null, signature, "my_auth_token")).as("no nonce").isFalse();
        assertThat(PlivoSignature.valid("POST", url, Map.of(), PARAMS, "12345", null, "my_auth_token")).as("unsigned").isFalse();
    }
}
