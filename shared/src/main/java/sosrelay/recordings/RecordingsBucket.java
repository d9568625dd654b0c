package sosrelay.recordings;

import java.net.URL;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Our private bucket of recording copies: written by the fetch, read by nobody but through a
 * presigned GET that expires in minutes (the bucket blocks every public access).
 */
public final class RecordingsBucket {
    private final Supplier<S3Client> s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration urlValidity;
    private final Consumer<GetObjectRequest> signing;

    /** {@code s3} is asked for only to write: the greeting, which only presigns, never builds a client. */
    public RecordingsBucket(Supplier<S3Client> s3, S3Presigner presigner, String bucket, Duration urlValidity) {
        this(s3, presigner, bucket, urlValidity, request -> { });
    }

    /**
     * {@code signing} is shown each GET before it is signed: a presigned URL reads with the signer's rights when it
     * is used, so the local stack checks the function's role for it there (on Lambda nothing is checked here).
     */
    public RecordingsBucket(Supplier<S3Client> s3, S3Presigner presigner, String bucket, Duration urlValidity,
                            Consumer<GetObjectRequest> signing) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.urlValidity = urlValidity;
        this.signing = signing;
    }

    /** {@code recordings/<incident>/original.<ext>}: one recording per incident, so a repeat overwrites the same object. */
    public String putOriginal(String incidentId, byte[] audio, String contentType) {
        String key = "recordings/" + incidentId + "/original" + extension(contentType);
        s3.get().putObject(p -> p.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(audio));
        return key;
    }

    /** The 8 kHz mono WAV made from the original: what Exotel's greeting is sure to play. */
    public String putWav(String incidentId, byte[] wav) {
        String key = "recordings/" + incidentId + "/8khz-mono.wav";
        s3.get().putObject(p -> p.bucket(bucket).key(key).contentType("audio/wav"), RequestBody.fromBytes(wav));
        return key;
    }

    /** A GET of the object that works without credentials for {@code urlValidity}. */
    public URL presignedGet(String key) {
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(key).build();
        signing.accept(get);
        return presigner.presignGetObject(p -> p.signatureDuration(urlValidity).getObjectRequest(get)).url();
    }

    static boolean isMp3(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        return type.contains("mpeg") || type.contains("mp3");
    }

    private static String extension(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        if (isMp3(type)) {
            return ".mp3";
        }
        if (type.contains("wav")) {
            return ".wav";
        }
        return ".bin";
    }
}
