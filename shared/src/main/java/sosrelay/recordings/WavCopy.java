package sosrelay.recordings;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.JavaLayerException;
import javazoom.jl.decoder.SampleBuffer;

/**
 * An MP3 recording as the audio every version of Exotel's greeting documents as playable: WAV, 8 kHz,
 * mono, 16-bit PCM (the older docs say MP3 is not supported). Decoded with JLayer (pure Java), channels
 * averaged, then resampled: each output sample is the mean of the input samples its 1/8000 s spans,
 * a box filter that keeps what is above 4 kHz from folding back into speech.
 */
public final class WavCopy {
    public static final int RATE = 8000;
    /** A greeting longer than this is not a greeting: stop decoding (10 minutes of 8 kHz audio is 9.6 MB). */
    private static final int MAX_SECONDS = 600;

    private WavCopy() {
    }

    /** The WAV, or empty when {@code mp3} holds no MP3 frames JLayer can decode. */
    public static Optional<byte[]> fromMp3(byte[] mp3) {
        short[] mono;
        int sourceRate;
        try {
            Decoded decoded = decode(mp3);
            if (decoded.length == 0) {
                return Optional.empty();
            }
            mono = java.util.Arrays.copyOf(decoded.samples, decoded.length);
            sourceRate = decoded.rate;
        } catch (JavaLayerException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(wav(resample(mono, sourceRate)));
    }

    private static final class Decoded {
        short[] samples = new short[1 << 16];
        int length;
        int rate;

        void add(short sample) {
            if (length == samples.length) {
                samples = java.util.Arrays.copyOf(samples, samples.length * 2);
            }
            samples[length++] = sample;
        }
    }

    private static Decoded decode(byte[] mp3) throws JavaLayerException {
        Bitstream bitstream = new Bitstream(new ByteArrayInputStream(mp3));
        Decoder decoder = new Decoder();
        Decoded decoded = new Decoded();
        try {
            Header header;
            while ((header = bitstream.readFrame()) != null) {
                SampleBuffer frame = (SampleBuffer) decoder.decodeFrame(header, bitstream);
                int channels = frame.getChannelCount();
                decoded.rate = frame.getSampleFrequency();
                short[] interleaved = frame.getBuffer();
                for (int i = 0; i + channels <= frame.getBufferLength(); i += channels) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += interleaved[i + c];
                    }
                    decoded.add((short) (sum / channels));
                }
                bitstream.closeFrame();
                if (decoded.rate > 0 && decoded.length > (long) decoded.rate * MAX_SECONDS) {
                    break;
                }
            }
        } finally {
            bitstream.close();
        }
        return decoded;
    }

    static short[] resample(short[] source, int sourceRate) {
        int length = (int) ((long) source.length * RATE / sourceRate);
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            int from = (int) ((long) i * sourceRate / RATE);
            int to = Math.max(from + 1, Math.min(source.length, (int) ((long) (i + 1) * sourceRate / RATE)));
            long sum = 0;
            for (int j = from; j < to; j++) {
                sum += source[j];
            }
            out[i] = (short) (sum / (to - from));
        }
        return out;
    }

    /** A canonical 44-byte RIFF header, then the samples, little-endian. */
    static byte[] wav(short[] samples) {
        int dataBytes = samples.length * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (short sample : samples) {
            wav.putShort(sample);
        }
        return wav.array();
    }
}
