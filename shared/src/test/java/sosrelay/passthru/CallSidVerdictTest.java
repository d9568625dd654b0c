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
        return CallSidVerdict.of(new Lookup.Found(call), 0, 0, CALLER, OURS);
    }

    @Test
    void anInboundCallToOurNumberFromThePassthrusCallerIsVerified() {
        assertThat(found(inbound()).kind()).isEqualTo(Kind.VERIFIED);
    }

    @Test
    void aPassthruWithNoReadableCallerIsVerifiedOnTheNumberItWasTo() {
        CallSidVerdict verdict = CallSidVerdict.of(new Lookup.Found(inbound()), 0, 0, null, OURS);

        assertThat(verdict.kind()).isEqualTo(Kind.VERIFIED);
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

        assertThat(verdict.kind()).isEqualTo(Kind.FORGED);
        assertThat(verdict.why()).isEqualTo("the call is not inbound (Direction outbound-api)");
    }

    @Test
    void aCallToAnotherNumberIsForged() {
        Map<String, Object> call = inbound();
        call.put("To", "08047999999");

        CallSidVerdict verdict = found(call);

        assertThat(verdict.kind()).isEqualTo(Kind.FORGED);
        assertThat(verdict.why()).isEqualTo("the call was to +91******9999, not to our number");
    }

    @Test
    void withNoInboundNumbersListedTheNumberCalledIsNotComparedSoAMisconfiguredLineNeverStandsARealEmergencyDown() {
        Map<String, Object> call = inbound();
        call.put("To", "08047999999");

        CallSidVerdict verdict = CallSidVerdict.of(new Lookup.Found(call), 0, 0, CALLER, Set.of());

        assertThat(verdict.kind()).isEqualTo(Kind.VERIFIED);
    }

    @Test
    void aCallFromSomeoneElseThanThePassthruSaidIsForged() {
        Map<String, Object> call = inbound();
        call.put("From", "09800000011");

        CallSidVerdict verdict = found(call);

        assertThat(verdict.kind()).isEqualTo(Kind.FORGED);
        assertThat(verdict.why()).isEqualTo("the call was from +91******0011, the Passthru said +91******0099");
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
    void aFirstNotFoundAsksAgainAndASecondIsForged() {
        assertThat(CallSidVerdict.of(new Lookup.NotFound(), 0, 0, CALLER, OURS).kind()).isEqualTo(Kind.ASK_AGAIN);

        CallSidVerdict second = CallSidVerdict.of(new Lookup.NotFound(), 1, 3, CALLER, OURS);

        assertThat(second.kind()).isEqualTo(Kind.FORGED);
        assertThat(second.why()).isEqualTo("Exotel has no such call (404, 2 times)");
    }

    @Test
    void anExotelThatCannotSayIsAskedAgainThenLeftUnverifiedNeverForged() {
        Lookup down = new Lookup.Unavailable("Exotel call details answered 503");

        for (int before = 0; before < CallSidVerdict.MAX_UNAVAILABLE - 1; before++) {
            assertThat(CallSidVerdict.of(down, 1, before, CALLER, OURS).kind()).isEqualTo(Kind.RETRY);
        }
        CallSidVerdict last = CallSidVerdict.of(down, 1, CallSidVerdict.MAX_UNAVAILABLE - 1, CALLER, OURS);

        assertThat(last.kind()).isEqualTo(Kind.UNVERIFIED);
        assertThat(last.why()).isEqualTo("Exotel call details answered 503 (5 times)");
    }
}
