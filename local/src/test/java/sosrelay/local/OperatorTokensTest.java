package sosrelay.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorTokensTest {

    @Test
    void acceptsAKnownTokenBareOrAfterBearerAndNamesItsOperator() {
        OperatorTokens tokens = OperatorTokens.parse(" first-token , second-token,,");

        assertThat(tokens.tokens()).containsExactly("first-token", "second-token");
        assertThat(tokens.claims("Bearer second-token")).hasValueSatisfying(claims ->
                assertThat(claims).containsEntry("cognito:username", "local-operator-2").containsEntry("token_use", "id"));
        assertThat(tokens.claims("bearer first-token")).hasValueSatisfying(claims ->
                assertThat(claims).containsEntry("cognito:username", "local-operator-1"));
        assertThat(tokens.claims("first-token")).isPresent();
    }

    @Test
    void refusesAnythingElse() {
        OperatorTokens tokens = OperatorTokens.parse("first-token");

        assertThat(tokens.claims(null)).isEmpty();
        assertThat(tokens.claims("")).isEmpty();
        assertThat(tokens.claims("Bearer ")).isEmpty();
        assertThat(tokens.claims("Bearer first-toke")).isEmpty();
        assertThat(tokens.claims("Bearer first-token2")).isEmpty();
        assertThat(OperatorTokens.parse(null).claims("Bearer first-token")).isEmpty();
        assertThat(OperatorTokens.parse("").tokens()).isEmpty();
    }

    @Test
    void generatesTokensThatFitAnAddressAndDiffer() {
        String one = OperatorTokens.generate();

        assertThat(one).matches("[A-Za-z0-9_-]{32}");
        assertThat(OperatorTokens.generate()).isNotEqualTo(one);
    }
}
