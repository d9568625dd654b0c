package sosrelay.directory;

/**
 * Which emergency type a CloudWatch alarm raises: {@code match} is an alarm name, or a name prefix
 * ending in {@code *}.
 */
public record AlarmRoute(String match, String type) {

    boolean matches(String alarmName) {
        return match.endsWith("*") ? alarmName.startsWith(match.substring(0, match.length() - 1)) : alarmName.equals(match);
    }

    /** An exact name beats any prefix; a longer prefix beats a shorter one. */
    int specificity() {
        return match.endsWith("*") ? match.length() - 1 : Integer.MAX_VALUE;
    }
}
