package sosrelay.local.backends;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: a stolen operator session must not last. The local stack has no Cognito, so the template's user pool and
 * board client are checked here: MFA required, ID tokens of an hour, refresh tokens that the board's sign-out can revoke.
 */
class OperatorSignInTemplateTest {
    private final SamTemplate template = SamTemplate.load(Path.of("../../template.yaml"));

    @Test
    void operatorsNeedAnAuthenticatorAppAndTheirTokensAreShortLivedAndRevocable() {
        Map<?, ?> pool = properties("OperatorUserPool");
        Map<?, ?> client = properties("OperatorBoardClient");

        assertThat(pool.get("MfaConfiguration")).isEqualTo("ON");
        assertThat(client.get("IdTokenValidity")).isEqualTo(1);
        assertThat(client.get("AccessTokenValidity")).isEqualTo(1);
        assertThat(client.get("TokenValidityUnits")).isEqualTo(Map.of("IdToken", "hours", "AccessToken", "hours", "RefreshToken", "days"));
        assertThat(client.get("EnableTokenRevocation")).isEqualTo(true);
    }

    private Map<?, ?> properties(String logicalId) {
        return (Map<?, ?>) template.rawResource(logicalId).get("Properties");
    }
}
