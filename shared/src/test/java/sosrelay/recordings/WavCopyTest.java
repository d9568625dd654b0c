package sosrelay.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WavCopyTest {
    /** One second of a 440 Hz tone, 22.05 kHz stereo, 32 kbit/s: made with LAME for this test. */
    static byte[] toneMp3() throws IOException {
        try (InputStream in = WavCopyTest.class.getResourceAsStream("/recordings/tone-440hz-22khz-stereo.mp3")) {
            return in.readAllBytes();
        }
    }

    @Test
    void anMp3BecomesAnEightKilohertzMonoSixteenBitWavOfTheSameSound() throws IOException {
        byte[] wav = WavCopy.fromMp3(toneMp3()).orElseThrow();

        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
        assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
        assertThat(header.getShort(22)).as("mono").isEqualTo((short) 1);
        assertThat(header.getInt(24)).isEqualTo(8000);
        assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
        int samples = header.getInt(40) / 2;
        // The encoder pads a frame or two of silence at either end.
        assertThat(samples).isBetween(8000, 8000 + 3 * 1152 * 8000 / 22050);

        // Half a second from the middle, away from the encoder's padding: a 440 Hz tone crosses zero 440 times in it.
        int crossings = 0;
        int from = samples / 2 - 2000;
        short previous = header.getShort(44 + 2 * from);
        for (int i = from + 1; i < from + 4000; i++) {
            short sample = header.getShort(44 + 2 * i);
            if ((previous < 0) != (sample < 0)) {
                crossings++;
            }
            previous = sample;
        }
        assertThat(crossings).isBetween(435, 445);
    }

    @Test
    void whatIsNotAnMp3IsNotConverted() {
        assertThat(WavCopy.fromMp3("ID3 not audio at all".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(WavCopy.fromMp3(new byte[0])).isEmpty();
    }

    @Test
    void eachOutputSampleIsTheMeanOfTheInputItSpans() {
        assertThat(WavCopy.resample(new short[] {0, 4, 8, 8, 16, 16, 4, 4}, 32000)).containsExactly((short) 5, (short) 10);
    }
}
