package sosrelay.incident;

/**
 * Which recording a device may name: only one already in our own recordings bucket, as {@code s3://<bucket>/recordings/…}
 * (an earlier incident's copy, say), written for an incident the same key raised ({@link #incidentOf}: the caller checks
 * who raised it), never another incident's. A device's URL anywhere else is never fetched nor played: it could point the
 * account's credentials, or a ward's phones, at anything. The incident is raised all the same, spoken, with the reason.
 */
public final class BucketRecordingPolicy {
    /** Our copies' folder: nothing else in the bucket is a recording. */
    static final String FOLDER = "recordings/";
    private static final int MAX_LENGTH = 1024;

    /** The key of our copy to play, or null with the reason the URL was refused (both null: no URL). */
    public record Verdict(String key, String refusal) {
    }

    private final String bucket;

    public BucketRecordingPolicy(String bucket) {
        this.bucket = bucket;
    }

    public Verdict check(String url) {
        if (url == null || url.isBlank()) {
            return new Verdict(null, null);
        }
        String prefix = "s3://" + bucket + "/";
        String text = url.trim();
        if (!text.startsWith(prefix)) {
            return refuse("a device's recording plays only from our recordings bucket, as " + prefix + FOLDER + "…");
        }
        String key = text.substring(prefix.length());
        if (key.length() > MAX_LENGTH || !key.startsWith(FOLDER) || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)
                || java.util.Arrays.asList(key.split("/", -1)).contains("..") || key.contains("?") || key.contains("#")) {
            return refuse("not a key under " + prefix + FOLDER);
        }
        return new Verdict(key, null);
    }

    /** The incident a key of ours was written for: {@code recordings/<incidentId>/…}; null for any other key. */
    public static String incidentOf(String key) {
        String[] parts = key.split("/", 3);
        return parts.length == 3 && (parts[0] + "/").equals(FOLDER) && IncidentIds.isValid(parts[1]) ? parts[1] : null;
    }

    /** The verdict on a key not written for the requester's own incidents. */
    public Verdict notOwned(String key) {
        return refuse(key + " was not written for an incident this API key raised");
    }

    private static Verdict refuse(String why) {
        return new Verdict(null, "recording URL refused: " + why);
    }
}
