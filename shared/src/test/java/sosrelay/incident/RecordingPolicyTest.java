package sosrelay.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sosrelay.config.Settings;

class RecordingPolicyTest {
    private final RecordingPolicy exotel = RecordingPolicy.of(Settings.EXOTEL_RECORDING_HOSTS);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/xx_0.mp3",
            "https://recordings.exotel.com/exotelrecordings/acme/abc.mp3",
            "https://S3-AP-SOUTH-1.amazonaws.com/exotelrecordings/acme/abc.mp3"})
    void acceptsExotelRecordings(String url) {
        assertThat(exotel.check(url)).isEqualTo(new RecordingPolicy.Verdict(url, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://s3-ap-southeast-1.amazonaws.com/exotelrecordings/xx_0.mp3 | it is not https",
            "https://evil.example.com/exotelrecordings/xx_0.mp3 | host evil.example.com is not on the recording allow-list",
            "https://s3-ap-southeast-1.amazonaws.com/some-other-bucket/xx.mp3 | is not on the recording allow-list",
            "https://user:pw@recordings.exotel.com/a.mp3 | it carries credentials",
            "https://recordings.exotel.com/a/../../b.mp3 | climbs out",
            "https://s3-ap-south-1.amazonaws.com/exotelrecordings/%2e%2e/other-bucket/b.mp3 | climbs out",
            "https://s3-ap-south-1.amazonaws.com/exotelrecordings/.%2E/other-bucket/b.mp3 | climbs out",
            "https://s3-ap-south-1.amazonaws.com/exotelrecordings/%2E./other-bucket/b.mp3 | climbs out",
            "https://s3-ap-south-1.amazonaws.com/exotelrecordings/..%2Fother-bucket/b.mp3 | climbs out",
            "https://s3-ap-south-1.amazonaws.com/exotelrecordings/..%5cother-bucket/b.mp3 | climbs out",
            "https://recordings.exotel.com:8443/a.mp3 | is not on the recording allow-list",
            "javascript:alert(1) | not an absolute URL with a host",
            "https://recordings.exotel.com/a b.mp3 | spaces",
            "https://recordings.exotel.com/a.mp3#x | fragment"})
    void refusesEverythingElseAndSaysWhy(String url, String why) {
        RecordingPolicy.Verdict verdict = exotel.check(url);

        assertThat(verdict.url()).isNull();
        assertThat(verdict.refusal()).startsWith("recording URL refused: ").contains(why);
    }

    @ParameterizedTest
    @CsvSource({
            "https://recordings.exotel.com/exotelrecordings/acme/abc.mp3, true",
            "https://s3-ap-south-1.amazonaws.com/exotelrecordings/acme/abc.mp3, true",
            "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/acme/2026/abc.mp3, true",
            "https://recordings.exotel.com/exotelrecordings/other-account/abc.mp3, false",
            "https://s3-ap-south-1.amazonaws.com/exotelrecordings/acme-two/abc.mp3, false",
            "https://s3-ap-southeast-1.amazonaws.com/exotelrecordings/xx_0.mp3, false",
            "https://recordings.exotel.com/abc.mp3, false"})
    void forAnAccountOnlyItsOwnFolderOnExotelsHosts(String url, boolean accepted) {
        RecordingPolicy acme = RecordingPolicy.forAccount(Settings.EXOTEL_RECORDING_HOSTS, "acme");

        assertThat(acme.check(url).url() != null).isEqualTo(accepted);
        if (!accepted) {
            assertThat(acme.check(url).refusal()).contains("not on the recording allow-list");
        }
    }

    @org.junit.jupiter.api.Test
    void entriesOutsideExotelsFolderAreTakenAsWritten() {
        RecordingPolicy acme = RecordingPolicy.forAccount("http://127.0.0.1:8089/rec/", "acme");

        assertThat(acme.check("http://127.0.0.1:8089/rec/a.mp3").url()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "a/b", "a b"})
    void anAccountSidThatCouldWidenTheFolderIsRefused(String sid) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordingPolicy.forAccount(Settings.EXOTEL_RECORDING_HOSTS, sid))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void noRecordingIsNoRefusal(String url) {
        assertThat(exotel.check(url)).isEqualTo(new RecordingPolicy.Verdict(null, null));
    }

    @ParameterizedTest
    @CsvSource({"http://127.0.0.1:8089/rec/a.mp3, true", "http://127.0.0.1:8090/rec/a.mp3, false",
            "https://127.0.0.1:8089/rec/a.mp3, false", "http://127.0.0.1:8089/other/a.mp3, false"})
    void anExplicitSchemeAndPortAllowAPlainHttpSandbox(String url, boolean accepted) {
        RecordingPolicy sandbox = RecordingPolicy.of("http://127.0.0.1:8089/rec/");

        assertThat(sandbox.check(url).url() != null).isEqualTo(accepted);
    }
}
