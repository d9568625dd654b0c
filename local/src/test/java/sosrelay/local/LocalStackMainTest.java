package sosrelay.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStackMainTest {

    @Test
    void readsEveryOption(@TempDir Path dir) throws IOException {
        Path template = Files.writeString(dir.resolve("t.yaml"), "Resources: {}\n");

        LocalStackOptions options = LocalStackMain.parse(new String[]{
                "--port", "3100", "--host", "0.0.0.0", "--template", template.toString(),
                "--data-dir", "sos-data", "--contacts", "contacts.csv"});

        assertThat(options.port()).isEqualTo(3100);
        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.template()).isEqualTo(template);
        assertThat(options.dataDir()).contains(Path.of("sos-data"));
        assertThat(options.contactsFile()).contains(Path.of("contacts.csv"));
    }

    @Test
    void defaultsToPort3000OnLoopback(@TempDir Path dir) throws IOException {
        Path template = Files.writeString(dir.resolve("t.yaml"), "Resources: {}\n");

        LocalStackOptions options = LocalStackMain.parse(new String[]{"--template", template.toString()});

        assertThat(options.port()).isEqualTo(3000);
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.dataDir()).isEmpty();
    }

    @Test
    void explainsBadArguments() {
        assertThatThrownBy(() -> LocalStackMain.parse(new String[]{"--colour", "red"})).hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> LocalStackMain.parse(new String[]{"--port"})).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> LocalStackMain.parse(new String[]{"--template", "/no/such/template.yaml"}))
                .hasMessageContaining("does not exist");
    }
}
