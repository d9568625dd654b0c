package sosrelay.delivery;

import java.util.Locale;
import java.util.Map;

/**
 * The order a delivery's states come in, so a late or repeated callback never moves a delivery back:
 * a state is written only over a lower-ranked one. Provider states are Exotel's own words
 * ({@code no-answer}, {@code failed_dnd} is written {@code failed-dnd}); GupShup's WhatsApp reports are
 * put in these words by {@code GupShupDeliveryReports}, and add {@link #READ}, which only follows a delivery.
 */
public final class DeliveryStates {
    public static final String CLAIMED = "claimed";
    public static final String ACCEPTED = "accepted";
    /** Terminal: nothing comes after these for the same attempt. */
    public static final int FINAL = 9;
    /** A WhatsApp message the person opened: after {@code delivered}, and nothing moves it back. */
    public static final String READ = "read";

    private static final Map<String, Integer> RANKS = Map.ofEntries(
            Map.entry(CLAIMED, 0),
            Map.entry(ACCEPTED, 1),
            Map.entry("queued", 2),
            Map.entry("ringing", 3),
            Map.entry("sending", 3),
            Map.entry("in-progress", 4),
            Map.entry("submitted", 4),
            Map.entry("completed", FINAL),
            Map.entry("no-answer", FINAL),
            Map.entry("busy", FINAL),
            Map.entry("failed", FINAL),
            Map.entry("canceled", FINAL),
            Map.entry("sent", FINAL),
            Map.entry("delivered", FINAL),
            Map.entry("failed-dnd", FINAL),
            Map.entry(READ, FINAL + 1));

    private DeliveryStates() {
    }

    /** Exotel's word in our spelling, or null when it is not a state we know. */
    public static String normalise(String providerState) {
        if (providerState == null) {
            return null;
        }
        String state = providerState.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return RANKS.containsKey(state) ? state : null;
    }

    public static int rank(String state) {
        return RANKS.getOrDefault(state, -1);
    }

    /** A text the provider accepted but could not deliver (DLT scrubbing, DND, a bad number). */
    public static boolean undelivered(String state) {
        return "failed".equals(state) || "failed-dnd".equals(state);
    }

    /** A call that ended without reaching the person: worth another attempt. */
    public static boolean unanswered(String state) {
        return "no-answer".equals(state) || "busy".equals(state) || "failed".equals(state) || "canceled".equals(state);
    }
}
