package sosrelay.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Incident ids derived from what raised them: the same Exotel CallSid always gives the same id, so
 * a conditional write on the id is the whole idempotency check, with no second lookup item.
 */
public final class IncidentIds {
    private static final Pattern ID = Pattern.compile("inc-[a-z2-7]{20}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private IncidentIds() {
    }

    public static String forSource(String source, String sourceRef) {
        return fromBytes(sha256(source + "\n" + sourceRef));
    }

    /** For a trigger with no id of its own to repeat: nothing can be a repeat of it. */
    public static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return fromBytes(bytes);
    }

    private static String fromBytes(byte[] hash) {
        StringBuilder id = new StringBuilder("inc-");
        long bits = 0;
        int available = 0;
        for (int i = 0; id.length() < 24; ) {
            if (available < 5) {
                bits = (bits << 8) | (hash[i++] & 0xff);
                available += 8;
            }
            id.append(BASE32[(int) (bits >>> (available - 5)) & 31]);
            available -= 5;
        }
        return id.toString();
    }

    public static boolean isValid(String text) {
        return text != null && ID.matcher(text).matches();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
