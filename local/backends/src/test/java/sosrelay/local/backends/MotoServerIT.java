package sosrelay.local.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;

/**
 * The local Parameter Store (moto's server) answers the real SDK v2 SsmClient as SSM does, for every call the functions,
 * the rotation and tools/doctor make: GetParameter of a SecureString with decryption (the value) and without (never the
 * value), a String, a missing name (ParameterNotFound), an overwrite (a new version, its LastModifiedDate, the previous
 * version by the {@code name:version} selector) and a second put without overwrite (ParameterAlreadyExists). docs/testing.md
 * keeps these facts.
 */
class MotoServerIT {
    private static final String NAME = "/sos-relay/webhook-secret";

    @Test
    void secureStringsDecryptOnlyWhenAskedAndAMissingNameIsParameterNotFound() {
        try (LocalBackends backends = LocalBackends.start(Optional.empty(), true)) {
            SsmClient ssm = backends.ssm();
            ssm.putParameter(b -> b.name(NAME).type(ParameterType.SECURE_STRING).value("first-secret-0123456789"));
            ssm.putParameter(b -> b.name("/sos-relay/exotel-flow-url").type(ParameterType.STRING).value("http://my.exotel.com/a/exoml/start_voice/1"));

            Parameter decrypted = ssm.getParameter(b -> b.name(NAME).withDecryption(true)).parameter();
            assertThat(decrypted.value()).isEqualTo("first-secret-0123456789");
            assertThat(decrypted.type()).isEqualTo(ParameterType.SECURE_STRING);
            assertThat(decrypted.version()).isEqualTo(1L);
            assertThat(decrypted.lastModifiedDate()).isNotNull();
            assertThat(decrypted.arn()).isEqualTo("arn:aws:ssm:ap-south-1:" + LocalBackends.ACCOUNT_ID + ":parameter" + NAME);
            assertThat(ssm.getParameter(b -> b.name(NAME)).parameter().value()).as("a SecureString read without decryption")
                    .isNotEqualTo("first-secret-0123456789");
            assertThat(ssm.getParameter(b -> b.name("/sos-relay/exotel-flow-url").withDecryption(true)).parameter().value())
                    .isEqualTo("http://my.exotel.com/a/exoml/start_voice/1");

            assertThatThrownBy(() -> ssm.getParameter(b -> b.name("/sos-relay/missing").withDecryption(true)))
                    .isInstanceOf(ParameterNotFoundException.class);
            assertThatThrownBy(() -> ssm.putParameter(b -> b.name(NAME).type(ParameterType.SECURE_STRING).value("x-0123456789abcdef")))
                    .isInstanceOf(ParameterAlreadyExistsException.class);
        }
    }

    @Test
    void anOverwriteIsANewVersionAndThePreviousOneStaysReadableByItsSelector() {
        try (LocalBackends backends = LocalBackends.start(Optional.empty(), true)) {
            SsmClient ssm = backends.ssm();
            ssm.putParameter(b -> b.name(NAME).type(ParameterType.SECURE_STRING).value("old-secret-0123456789"));
            ssm.putParameter(b -> b.name(NAME).type(ParameterType.SECURE_STRING).value("new-secret-0123456789").overwrite(true));

            Parameter current = ssm.getParameter(b -> b.name(NAME).withDecryption(true)).parameter();
            assertThat(current.value()).isEqualTo("new-secret-0123456789");
            assertThat(current.version()).isEqualTo(2L);
            assertThat(ssm.getParameter(b -> b.name(NAME + ":1").withDecryption(true)).parameter().value()).isEqualTo("old-secret-0123456789");
            assertThatThrownBy(() -> ssm.getParameter(b -> b.name(NAME + ":9").withDecryption(true)))
                    .isInstanceOf(ParameterVersionNotFoundException.class);
        }
    }

    @Test
    void twoRunSideBySideAndCloseStopsTheProcess() throws Exception {
        URI first;
        try (LocalBackends one = LocalBackends.start(Optional.empty(), true); LocalBackends two = LocalBackends.start(Optional.empty(), true)) {
            first = one.ssmEndpoint().orElseThrow();
            assertThat(first).isNotEqualTo(two.ssmEndpoint().orElseThrow());
            one.ssm().putParameter(b -> b.name(NAME).type(ParameterType.STRING).value("only-in-one"));
            assertThatThrownBy(() -> two.ssm().getParameter(b -> b.name(NAME))).isInstanceOf(ParameterNotFoundException.class);
        }
        assertThat(answers(first)).as("moto's server after close").isFalse();
    }

    @Test
    void withoutSsmNoPythonIsStarted() {
        try (LocalBackends backends = LocalBackends.start(Optional.empty())) {
            assertThat(backends.ssmEndpoint()).isEmpty();
            assertThatThrownBy(backends::ssm).hasMessageContaining("without SSM");
        }
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
