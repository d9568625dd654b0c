package sosrelay.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketRecordingPolicyTest {
    private final BucketRecordingPolicy ours = new BucketRecordingPolicy("sos-relay-recordings");

    @Test
    void oneOfOurCopiesIsPlayedByItsKey() {
        assertThat(ours.check("s3://sos-relay-recordings/recordings/inc-aaaaaaaaaaaaaaaaaaaa/8khz-mono.wav"))
                .isEqualTo(new BucketRecordingPolicy.Verdict("recordings/inc-aaaaaaaaaaaaaaaaaaaa/8khz-mono.wav", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://recordings.exotel.com/exotelrecordings/acme/abc.mp3",
            "https://sos-relay-recordings.s3.ap-south-1.amazonaws.com/recordings/inc-a/original.mp3",
            "s3://another-bucket/recordings/inc-a/original.mp3",
            "s3://sos-relay-recordings-evil/recordings/inc-a/original.mp3",
            "http://169.254.169.254/latest/meta-data/"})
    void anythingOutsideOurBucketIsRefusedWithTheReason(String url) {
        BucketRecordingPolicy.Verdict verdict = ours.check(url);

        assertThat(verdict.key()).isNull();
        assertThat(verdict.refusal()).isEqualTo("recording URL refused: a device's recording plays only from our recordings bucket, "
                + "as s3://sos-relay-recordings/recordings/…");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "s3://sos-relay-recordings/other/thing.mp3",
            "s3://sos-relay-recordings/recordings/../other/thing.mp3",
            "s3://sos-relay-recordings/recordings/a b.mp3",
            "s3://sos-relay-recordings/recordings/a.mp3?versionId=1",
            "s3://sos-relay-recordings/"})
    void inOurBucketOnlyKeysUnderOurCopiesFolder(String url) {
        BucketRecordingPolicy.Verdict verdict = ours.check(url);

        assertThat(verdict.key()).isNull();
        assertThat(verdict.refusal()).isEqualTo("recording URL refused: not a key under s3://sos-relay-recordings/recordings/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void noRecordingIsNoRefusal(String url) {
        assertThat(ours.check(url)).isEqualTo(new BucketRecordingPolicy.Verdict(null, null));
        assertThat(ours.check(null)).isEqualTo(new BucketRecordingPolicy.Verdict(null, null));
    }
}
