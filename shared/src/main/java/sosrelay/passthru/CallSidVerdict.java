package sosrelay.passthru;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import sosrelay.calls.ExotelCallDetails;
import sosrelay.directory.PhoneNumbers;

/**
 * What Exotel's details of a Passthru's CallSid say about the Passthru. Only a definite answer forges it: Exotel's
 * own 404 twice (its details may lag a moment behind the call), or a call that is not the one the Passthru
 * described (not inbound, not to our number, not from its caller). Everything else leaves the emergency standing.
 *
 * @param why what was found, for the timeline and the log
 */
public record CallSidVerdict(Kind kind, String why) {

    public enum Kind {
        /** Inbound, to our number, from the Passthru's caller. */
        VERIFIED,
        /** No such call, or another call than the Passthru said: stand down and page the operators. */
        FORGED,
        /** A first 404: Exotel's details may lag; ask once more shortly. */
        ASK_AGAIN,
        /** Exotel could not say (5xx, 429, no answer): ask again later. */
        RETRY,
        /** Exotel could not say, too many times, or its answer had nothing to compare: the emergency stands unverified. */
        UNVERIFIED
    }

    /** How many times Exotel may fail to say before the Passthru is left unverified. */
    public static final int MAX_UNAVAILABLE = 5;

    /**
     * {@code notFoundBefore}, {@code unavailableBefore}: the earlier answers for this CallSid; {@code caller}: the
     * Passthru's {@code CallFrom} in E.164 (null when it had none readable); {@code ourNumbers}: our ExoPhones, E.164, as
     * {@code EXOTEL_INBOUND_NUMBERS} lists them (empty: the number called is not compared).
     */
    public static CallSidVerdict of(ExotelCallDetails.Lookup lookup, int notFoundBefore, int unavailableBefore, String caller,
                                    Set<String> ourNumbers) {
        if (lookup instanceof ExotelCallDetails.Lookup.NotFound) {
            return notFoundBefore == 0 ? new CallSidVerdict(Kind.ASK_AGAIN, "Exotel has no such call yet")
                    : new CallSidVerdict(Kind.FORGED, "Exotel has no such call (404, " + (notFoundBefore + 1) + " times)");
        }
        if (lookup instanceof ExotelCallDetails.Lookup.Unavailable unavailable) {
            return unavailableBefore + 1 < MAX_UNAVAILABLE ? new CallSidVerdict(Kind.RETRY, unavailable.why())
                    : new CallSidVerdict(Kind.UNVERIFIED, unavailable.why() + " (" + MAX_UNAVAILABLE + " times)");
        }
        return ofCall(((ExotelCallDetails.Lookup.Found) lookup).call(), caller, ourNumbers);
    }

    private static CallSidVerdict ofCall(java.util.Map<?, ?> call, String caller, Set<String> ourNumbers) {
        String direction = text(call, "Direction");
        if (direction != null && !Set.of("inbound", "incoming").contains(direction.toLowerCase(Locale.ROOT))) {
            return new CallSidVerdict(Kind.FORGED, "the call is not inbound (Direction " + direction + ")");
        }
        String to = number(text(call, "To") != null ? text(call, "To") : text(call, "PhoneNumberSid"));
        if (to == null && !ourNumbers.isEmpty()) {
            return new CallSidVerdict(Kind.UNVERIFIED, "Exotel's details name no number the call was to");
        }
        // Only against numbers the operator listed: a guessed default (an emergency line that is not the outbound
        // caller id) would stand every real emergency down as forged.
        if (!ourNumbers.isEmpty() && !ourNumbers.contains(to)) {
            return new CallSidVerdict(Kind.FORGED, "the call was to " + PhoneNumbers.mask(to) + ", not to our number");
        }
        String from = number(text(call, "From"));
        if (caller != null && from != null && !Objects.equals(caller, from)) {
            return new CallSidVerdict(Kind.FORGED, "the call was from " + PhoneNumbers.mask(from) + ", the Passthru said "
                    + PhoneNumbers.mask(caller));
        }
        return new CallSidVerdict(Kind.VERIFIED, caller == null || from == null
                ? "inbound to our number (no caller's number to compare)" : "inbound to our number from the Passthru's caller");
    }

    /** E.164 when it reads as a number, else the text as Exotel wrote it (compared as it is). */
    private static String number(String text) {
        if (text == null) {
            return null;
        }
        String e164 = PhoneNumbers.toE164(text);
        return e164 != null ? e164 : text.trim();
    }

    private static String text(java.util.Map<?, ?> call, String field) {
        return call.get(field) instanceof String s && !s.isBlank() ? s : null;
    }
}
