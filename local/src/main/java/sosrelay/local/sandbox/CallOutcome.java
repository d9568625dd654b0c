package sosrelay.local.sandbox;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the person rung by the sandbox does, and how Exotel would report it. */
public enum CallOutcome {
    ANSWER("answer", "completed", null, null),
    PRESS_1("press-1", "completed", "1", null),
    /** "I cannot come": the ack Passthru answers 302 (not a yes), the decline Passthru after it records the decline. */
    PRESS_2("press-2", "completed", "2", null),
    NO_ANSWER("no-answer", "no-answer", null, "did not answer"),
    BUSY("busy", "busy", null, "was busy"),
    FAILED("failed", "failed", null, "could not be reached"),
    /**
     * A number the network does not know: Exotel takes the request and the call fails at once; Plivo refuses the request
     * (400, "'…' is not a valid phone number.").
     */
    INVALID_NUMBER("invalid-number", "failed", null, "is not a valid number"),
    /** Voicemail picks up: Exotel reports the call completed, with {@code Legs[0][AnsweredBy]=machine}. */
    MACHINE("machine", "completed", null, null),
    /** Exotel says status callbacks can be lost; the call details API still knows the truth. */
    NO_CALLBACK("no-callback", "no-answer", null, "did not answer, and its status callback is lost");

    private final String scriptName;
    private final String finalStatus;
    private final String digits;
    /** How the console tells a call nobody picked up; null for those who do (their greeting tells). */
    private final String missed;

    CallOutcome(String scriptName, String finalStatus, String digits, String missed) {
        this.scriptName = scriptName;
        this.finalStatus = finalStatus;
        this.digits = digits;
        this.missed = missed;
    }

    /** {@code press-1} and friends, as scripts write them; throws naming the bad outcome otherwise. */
    public static CallOutcome parse(String text) {
        String name = text.strip();
        return Arrays.stream(values()).filter(o -> o.scriptName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown call outcome '" + name + "' (known: "
                        + Arrays.stream(values()).map(CallOutcome::scriptName).collect(Collectors.joining(", ")) + ")"));
    }

    public String scriptName() {
        return scriptName;
    }

    /** The Status Exotel ends the call with, in the callback and the call details. */
    public String finalStatus() {
        return finalStatus;
    }

    public boolean picksUp() {
        return missed == null;
    }

    /** The key pressed after the greeting, or null when none is. */
    public String digits() {
        return digits;
    }

    public boolean postsCallback() {
        return this != NO_CALLBACK;
    }

    /** A busy line or a number that cannot be reached ends at once, not after ringing: its callback comes within a second. */
    boolean endsAtOnce() {
        return this == BUSY || this == FAILED || this == INVALID_NUMBER;
    }

    /** What Exotel's answering-machine detection says of a call that was picked up. */
    String answeredBy() {
        return this == MACHINE ? "machine" : "human";
    }

    /** "did not answer": only for outcomes that do not pick up. */
    String missed() {
        return missed;
    }

    @Override
    public String toString() {
        return scriptName;
    }
}
