package sosrelay.passthru;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sosrelay.calls.ExotelCallDetails.Lookup;
import sosrelay.passthru.CallSidVerdict.Kind;

class CallSidVerdictTest {
    private static final Set<String> OURS = Set.of("+918047000000");
    private static final String CALLER = "+919800000099";

    /** Exotel's details of a real inbound call to our ExoPhone, in the local format Exotel writes numbers in. */
    private static Map<String, Object> inbound() {
        Map<String, Object> call = new HashMap<>();
        call.put("Sid", "b6cfaf5f5cef3ca0fc937749ef960e25");
        call.put("From", "09800000099");
        call.put("To", "08047000000");
        call.put("PhoneNumberSid", "08047000000");
        call.put("Direction", "inbound");
        call.put("Status", "in-progress");
        return call;
    }

    private static CallSidVerdict found(Map<String, Object> call) {
        return CallSidVerdict.of(new Lookup.Found(call), false, 0, CALLER, OURS);
    }

    @Test
    void anInboundCallToOurNumberFromThePassthrusCallerIsVerified() {
        assertThat(found(inbound()).kind()).isEqualTo(Kind.VERIFIED);
    }

    @Test
    void aPassthruWithNoReadableCallerIsLeftUnverifiedNeverSuspect() {
        CallSidVerdict verdict = CallSidVerdict.of(new Lookup.Found(inbound()), false, 0, null, OURS);

        assertThat(verdict.kind()).isEqualTo(Kind.UNVERIFIED);
        assertThat(verdict.why()).contains("no caller's number to compare");
    }

    @Test
    void exotelsPassthruWordForTheDirectionCountsAsInbound() {
        Map<String, Object> call = inbound();
        call.put("Direction", "incoming");

        assertThat(found(call).kind()).isEqualTo(Kind.VERIFIED);
    }

    @Test
    void aCallWePlacedIsNoFrontDeskCall() {
        Map<String, Object> call = inbound();
        call.put("Direction", "outbound-api");

        CallSidVerdict verdict = found(call);

        assertThat(verdict.kind()).isEqualTo(Kind.SUSPECT);
        assertThat(verdict.why()).isEqualTo("the call is not inbound (Direction outbound-api)");
    }

    @Test
    void aCallToAnotherNumberIsSuspect() {
        Map<String, Object> call = inbound();
        call.put("To", "08047999999");

        CallSidVerdict verdict = found(call);

        assertThat(verdict.kind()).isEqualTo(Kind.SUSPECT);
        assertThat(verdict.why()).isEqualTo("the call was to ******9999, not to our number");
    }

    @Test
    void withNoInboundNumbersListedTheNumberCalledIsNotComparedSoAMisconfiguredLineNeverStandsARealEmergencyDown() {
        Map<String, Object> call = inbound();
        call.put("To", "08047999999");

        CallSidVerdict verdict = CallSidVerdict.of(new Lookup.Found(call), false, 0, CALLER, Set.of());

        assertThat(verdict.kind()).isEqualTo(Kind.VERIFIED);
    }

    @Test
    void aCallFromSomeoneElseThanThePassthruSaidIsSuspect() {
        Map<String, Object> call = inbound();
        call.put("From", "09800000011");

        CallSidVerdict verdict = found(call);

        assertThat(verdict.kind()).isEqualTo(Kind.SUSPECT);
        assertThat(verdict.why()).isEqualTo("the call was from ******0011, the Passthru said ******0099");
    }

    @Test
    void theExoPhoneIsReadFromPhoneNumberSidWhenToIsMissing() {
        Map<String, Object> call = inbound();
        call.remove("To");

        assertThat(found(call).kind()).isEqualTo(Kind.VERIFIED);
    }

    @Test
    void detailsNamingNoNumberLeaveItUnverifiedNeverForged() {
        Map<String, Object> call = inbound();
        call.remove("To");
        call.remove("PhoneNumberSid");

        assertThat(found(call).kind()).isEqualTo(Kind.UNVERIFIED);
    }

    @Test
    void aNotFoundAsksAgainAcrossExotelsLagAndOnlyTheLastAskMakesItSuspect() {
        CallSidVerdict early = CallSidVerdict.of(new Lookup.NotFound(), false, 0, CALLER, OURS);

        assertThat(early.kind()).isEqualTo(Kind.ASK_AGAIN);
        CallSidVerdict last = CallSidVerdict.of(new Lookup.NotFound(), true, 0, CALLER, OURS);
        assertThat(last.kind()).isEqualTo(Kind.SUSPECT);
        assertThat(last.why()).isEqualTo("Exotel still has no such call (404 at every ask)");
    }

    @Test
    void numbersAreComparedByTheirLastTenDigits() {
        Map<String, Object> call = inbound();
        call.put("From", "0919800000099");
        call.put("To", "+91 80470 00000");

        assertThat(found(call).kind()).isEqualTo(Kind.VERIFIED);
        Map<String, Object> tollFree = inbound();
        tollFree.put("To", "18004190000");
        assertThat(CallSidVerdict.of(new Lookup.Found(tollFree), false, 0, CALLER, Set.of("1800-419-0000")).kind())
                .isEqualTo(Kind.VERIFIED);
    }

    @Test
    void anUnreadableNumberLeavesTheCallUnverifiedNeverSuspect() {
        Map<String, Object> badFrom = inbound();
        badFrom.put("From", "anonymous");
        Map<String, Object> shortTo = inbound();
        shortTo.put("To", "12345");

        assertThat(found(badFrom).kind()).isEqualTo(Kind.UNVERIFIED);
        assertThat(found(badFrom).why()).isEqualTo("the caller's number is unreadable");
        assertThat(found(shortTo).kind()).isEqualTo(Kind.UNVERIFIED);
        assertThat(found(shortTo).why()).isEqualTo("the number the call was to is unreadable");
    }

    @Test
    void anExotelThatCannotSayIsAskedAgainThenLeftUnverifiedNeverSuspect() {
        Lookup down = new Lookup.Unavailable("Exotel call details answered 503");

        for (int before = 0; before < CallSidVerdict.MAX_UNAVAILABLE - 1; before++) {
            assertThat(CallSidVerdict.of(down, false, before, CALLER, OURS).kind()).isEqualTo(Kind.RETRY);
        }
        CallSidVerdict last = CallSidVerdict.of(down, true, CallSidVerdict.MAX_UNAVAILABLE - 1, CALLER, OURS);

        assertThat(last.kind()).isEqualTo(Kind.UNVERIFIED);
        assertThat(last.why()).isEqualTo("Exotel call details answered 503 (5 times)");
    }
}
