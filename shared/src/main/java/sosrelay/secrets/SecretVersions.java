package sosrelay.secrets;

import java.time.Instant;

/**
 * A secret as its parameter holds it now ({@code current}) and, within the rotation window after the overwrite that
 * made it current, the value before ({@code previous}, else null), still accepted from whoever was given it. Until
 * {@code handOverAt} (the overwrite plus the time every instance may keep the value before) the previous value is the
 * one to hand out, since an instance that has not read the new value yet would refuse it.
 */
public record SecretVersions(String current, String previous, Instant handOverAt) {

    /** A value with no rotation under way (a plain setting, or a parameter never overwritten). */
    public static SecretVersions only(String value) {
        return new SecretVersions(value, null, Instant.MIN);
    }

    @Override
    public String toString() {
        return "SecretVersions[previous=" + (previous == null ? "none" : "(set)") + ", handOverAt=" + handOverAt + "]";
    }
}
