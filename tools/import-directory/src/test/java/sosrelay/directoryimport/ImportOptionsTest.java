package sosrelay.directoryimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImportOptionsTest {

    @Test
    void readsEveryOption() {
        ImportOptions options = ImportOptions.parse(new String[] {"--file", "contacts.yaml", "--table", "sos-DirectoryTable-1",
                "--region", "ap-south-1", "--profile", "hospital-sso", "--endpoint-url", "http://localhost:4566"});

        assertThat(options.file()).isEqualTo(Path.of("contacts.yaml"));
        assertThat(options.table()).isEqualTo("sos-DirectoryTable-1");
        assertThat(options.region()).contains("ap-south-1");
        assertThat(options.profile()).contains("hospital-sso");
        assertThat(options.endpoint()).contains(URI.create("http://localhost:4566"));
    }

    @Test
    void regionAndProfileAreLeftToTheDefaultChainsUnlessGiven() {
        ImportOptions options = ImportOptions.parse(new String[] {"--file", "c.yaml", "--table", "t"});

        assertThat(options.region()).isEmpty();
        assertThat(options.profile()).isEmpty();
        assertThat(options.endpoint()).isEmpty();
    }

    @Test
    void namesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {"--file", "c.yaml"})).hasMessageContaining("--table")
                .hasMessageContaining("DirectoryTableName");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {"--file", "c.yaml", "--table"})).hasMessage("--table needs a value");
        assertThatThrownBy(() -> ImportOptions.parse(new String[] {"--fiel", "c.yaml"})).hasMessage("unknown option --fiel");
    }
}
