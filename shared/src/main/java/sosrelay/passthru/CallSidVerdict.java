package sosrelay.passthru;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import sosrelay.calls.ExotelCallDetails;
import sosrelay.directory.PhoneNumbers;

/**
 * What Exotel's details of a Passthru's CallSid say about the Passthru. No verdict stops anything: the worst is
 * {@link Kind#SUSPECT}, which flags the incident and pages the operators, who decide. Exotel's details lag minutes
 * behind a call, so a 404 proves nothing until the last ask; numbers are compared by their last ten digits (Exotel
 * writes {@code 0XXXXXXXXXX}, {@code 91…} or {@code +91…}), and one that cannot be read leaves the call unverified.
 *
 * @param why what was found, for the timeline and the log
 */
public record CallSidVerdict(Kind kind, String why) {

    public enum Kind {
        /** Inbound, to our number, from the Passthru's caller. */
        VERIFIED,
        /** Another call than the Passthru said, or still no such call at the last ask: flag it and page the operators. */
        SUSPECT,
        /** A 404 before the last ask: Exotel's details lag behind the call; ask again later. */
        ASK_AGAIN,
        /** Exotel could not say (5xx, 429, no answer): ask again soon. */
        RETRY,
        /** Exotel could not say, too many times, or a number could not be compared: the emergency stands unverified. */
        UNVERIFIED
    }

    /** How many times Exotel may fail to say before the Passthru is left unverified. */
    public static final int MAX_UNAVAILABLE = 5;
    private static final int NATIONAL_DIGITS = 10;

    /**
     * {@code lastAsk}: whether this is the last ask of Exotel's lag (a 404 then makes the Passthru suspect);
     * {@code unavailableBefore}: how many times Exotel could not say at this ask; {@code caller}: the Passthru's
     * {@code CallFrom} in E.164 (null when it had none readable); {@code ourNumbers}: our ExoPhones as
     * {@code EXOTEL_INBOUND_NUMBERS} lists them (empty: the number called is not compared).
     */
    public static CallSidVerdict of(ExotelCallDetails.Lookup lookup, boolean lastAsk, int unavailableBefore, String caller,
                                    Set<String> ourNumbers) {
        if (lookup instanceof ExotelCallDetails.Lookup.NotFound) {
            return lastAsk ? new CallSidVerdict(Kind.SUSPECT, "Exotel still has no such call (404 at every ask)")
                    : new CallSidVerdict(Kind.ASK_AGAIN, "Exotel has no such call yet (its details lag behind the call)");
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
            return new CallSidVerdict(Kind.SUSPECT, "the call is not inbound (Direction " + direction + ")");
        }
        if (!ourNumbers.isEmpty()) {
            // Only against numbers the operator listed: a guessed default (an emergency line that is not the outbound
            // caller id) would flag every real emergency.
            String toText = text(call, "To") != null ? text(call, "To") : text(call, "PhoneNumberSid");
            String to = national(toText);
            if (to == null) {
                return new CallSidVerdict(Kind.UNVERIFIED, toText == null ? "Exotel's details name no number the call was to"
                        : "the number the call was to is unreadable");
            }
            Set<String> ours = ourNumbers.stream().map(CallSidVerdict::national).collect(Collectors.toSet());
            if (!ours.contains(to)) {
                return new CallSidVerdict(Kind.SUSPECT, "the call was to " + PhoneNumbers.mask(to) + ", not to our number");
            }
        }
        String fromText = text(call, "From");
        if (caller == null || fromText == null) {
            return new CallSidVerdict(Kind.UNVERIFIED, "inbound, but no caller's number to compare");
        }
        String from = national(fromText);
        if (from == null || national(caller) == null) {
            return new CallSidVerdict(Kind.UNVERIFIED, "the caller's number is unreadable");
        }
        if (!from.equals(national(caller))) {
            return new CallSidVerdict(Kind.SUSPECT, "the call was from " + PhoneNumbers.mask(from) + ", the Passthru said "
                    + PhoneNumbers.mask(national(caller)));
        }
        return new CallSidVerdict(Kind.VERIFIED, "inbound to our number from the Passthru's caller");
    }

    /** The last ten digits of a number written with dial characters only, else null (unreadable). */
    static String national(String text) {
        if (text == null || !text.strip().matches("\\+?[\\d\\s\\-().]+")) {
            return null;
        }
        String digits = text.replaceAll("\\D", "");
        return digits.length() < NATIONAL_DIGITS ? null : digits.substring(digits.length() - NATIONAL_DIGITS);
    }

    private static String text(java.util.Map<?, ?> call, String field) {
        return call.get(field) instanceof String s && !s.isBlank() ? s : null;
    }
}
