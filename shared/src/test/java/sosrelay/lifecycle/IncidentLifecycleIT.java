package sosrelay.lifecycle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sosrelay.incident.IncidentProgress;

/**
 * Issue 4's "done when" on DynamoDB Local and ElasticMQ: retries after unanswered calls, escalation
 * when a tier stays silent, acknowledgement by keypress and SMS, callbacks twice or out of order,
 * lost callbacks, resolve. Timers run on the real timers queue with durations of a second or two.
 */
class IncidentLifecycleIT {
    /** Long enough for any timer of these scenarios (1 s retries, 2 s escalation, 2 s callback deadline) to fire. */
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofMillis(3500);

    @RegisterExtension
    static final LifecycleHarness harness = new LifecycleHarness();

    /** Heart, one tier: only retries can ring anyone again. */
    private static Map<String, Object> oneTier(int attempts) {
        return Map.of(
                "defaultType", "Heart",
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "9800000001"),
                        Map.of("id", "dr-iyer", "name", "Dr. Iyer", "phone", "9800000002")),
                "types", Map.of("Heart", Map.of(
                        "retry", Map.of("attempts", attempts, "after", "1s"),
                        "tiers", List.of(Map.of("notify", List.of("dr-rao", "dr-iyer"), "required", 2)))));
    }

    /** Heart: tier 1 (dr-rao, dr-iyer) has 2 s and needs {@code required}; tier 2 is the duty manager. */
    private static Map<String, Object> directory(int required, int attempts) {
        return Map.of(
                "defaultType", "Heart",
                "people", List.of(
                        Map.of("id", "dr-rao", "name", "Dr. Rao", "phone", "9800000001", "channels", List.of("call", "sms")),
                        Map.of("id", "dr-iyer", "name", "Dr. Iyer", "phone", "9800000002"),
                        Map.of("id", "duty-manager", "name", "Duty manager", "phone", "9800000003")),
                "types", Map.of("Heart", Map.of(
                        "retry", Map.of("attempts", attempts, "after", "1s"),
                        "tiers", List.of(
                                Map.of("notify", List.of("dr-rao", "dr-iyer"), "escalateAfter", "2s", "required", required),
                                Map.of("notify", List.of("duty-manager"), "escalateAfter", "1h")))));
    }

    @Test
    void anUnansweredCallIsRetriedAfterTheDelayUpToTheAttemptsAndNotAfterAcknowledging() {
        harness.reset(oneTier(3));
        String id = harness.raise("life-retry-1");
        assertThat(harness.pumpCalls()).isEqualTo(2);

        harness.callStatus(harness.call(id, "dr-rao").providerId(), "no-answer");
        harness.runUntil("the second attempt", () -> harness.call(id, "dr-rao").attempt() == 2
                && harness.call(id, "dr-rao").state().equals("accepted"), WAIT);

        harness.callStatus(harness.call(id, "dr-rao").providerId(), "busy");
        assertThat(harness.pressed(id, "dr-rao", "\"1\"").status()).isEqualTo(200);
        harness.runFor(QUIET);

        assertThat(harness.call(id, "dr-rao").attempt()).isEqualTo(2);
        assertThat(harness.connects()).isEqualTo(3);
    }

    @Test
    void retriesStopAtTheConfiguredAttempts() {
        harness.reset(oneTier(2));
        String id = harness.raise("life-retry-2");
        harness.pumpCalls();

        harness.callStatus(harness.call(id, "dr-iyer").providerId(), "no-answer");
        harness.runUntil("the second attempt", () -> harness.call(id, "dr-iyer").attempt() == 2, WAIT);
        harness.callStatus(harness.call(id, "dr-iyer").providerId(), "no-answer");
        harness.runFor(QUIET);

        assertThat(harness.call(id, "dr-iyer").attempt()).isEqualTo(2);
        assertThat(harness.timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "retry.exhausted"));
    }

    @Test
    void aSilentTierEscalatesToTheNextAfterItsTime() {
        harness.reset(directory(1, 3));
        String id = harness.raise("life-escalate-1");
        harness.pumpCalls();

        harness.runUntil("the duty manager's call", () -> harness.hasCall(id, "duty-manager"), WAIT);

        assertThat(harness.progress.state(id)).contains(new IncidentProgress.State(IncidentProgress.OPEN, 1));
        assertThat(harness.timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "escalated").containsEntry("tier", "2"));
    }

    @Test
    void enoughAcknowledgementsInTheFirstTierMeanTheNextTierIsNeverRung() {
        harness.reset(directory(2, 3));
        String id = harness.raise("life-escalate-2");
        harness.pumpCalls();

        assertThat(harness.pressed(id, "dr-rao", "\"1\"").status()).isEqualTo(200);
        assertThat(harness.progress.state(id).orElseThrow().status()).isEqualTo(IncidentProgress.OPEN);
        assertThat(harness.pressed(id, "dr-iyer", "\"1\"").status()).isEqualTo(200);
        assertThat(harness.progress.state(id).orElseThrow().status()).isEqualTo(IncidentProgress.ACKNOWLEDGED);
        harness.runFor(QUIET);

        assertThat(harness.hasCall(id, "duty-manager")).isFalse();
        assertThat(harness.progress.state(id).orElseThrow().activeTier()).isZero();
        assertThat(harness.connects()).isEqualTo(2);
    }

    @Test
    void fewerAcknowledgementsThanRequiredStillEscalate() {
        harness.reset(directory(2, 3));
        String id = harness.raise("life-escalate-3");
        harness.pumpCalls();

        harness.pressed(id, "dr-rao", "\"1\"");
        harness.runUntil("the duty manager's call", () -> harness.hasCall(id, "duty-manager"), WAIT);

        assertThat(harness.progress.state(id).orElseThrow()).isEqualTo(new IncidentProgress.State(IncidentProgress.OPEN, 1));
        assertThat(harness.pressed(id, "duty-manager", "\"1\"").status()).isEqualTo(200);
        assertThat(harness.progress.state(id).orElseThrow().status()).isEqualTo(IncidentProgress.ACKNOWLEDGED);
    }

    @Test
    void pressingOneTwiceOrAnotherKeyChangesNothingMore() {
        harness.reset(directory(1, 3));
        String id = harness.raise("life-ack-1");
        harness.pumpCalls();

        assertThat(harness.pressed(id, "dr-rao", "\"2\"").status()).isEqualTo(302);
        assertThat(harness.progress.acknowledgers(id)).isEmpty();
        assertThat(harness.pressed(id, "dr-rao", "\"1\"").status()).isEqualTo(200);
        assertThat(harness.pressed(id, "dr-rao", "\"1\"").status()).isEqualTo(200);

        assertThat(harness.progress.acknowledgers(id)).containsExactly("dr-rao");
        assertThat(harness.timeline(id)).filteredOn(e -> "acknowledged".equals(e.get("event"))).hasSize(1);
        assertThat(harness.timeline(id)).filteredOn(e -> "incident.acknowledged".equals(e.get("event"))).hasSize(1);
    }

    @Test
    void callbacksTwiceOrOutOfOrderNeverMoveADeliveryBack() {
        harness.reset(oneTier(3));
        String id = harness.raise("life-callbacks-1");
        harness.pumpCalls();
        String sid = harness.call(id, "dr-rao").providerId();

        assertThat(harness.callStatus(sid, "completed").body()).isEqualTo("recorded");
        assertThat(harness.callStatus(sid, "completed").body()).isEqualTo("nothing to change");
        assertThat(harness.callStatus(sid, "no-answer").body()).isEqualTo("nothing to change");
        assertThat(harness.callStatus(sid, "ringing").body()).isEqualTo("nothing to change");
        harness.runFor(QUIET);

        assertThat(harness.call(id, "dr-rao").state()).isEqualTo("completed");
        assertThat(harness.call(id, "dr-rao").attempt()).isEqualTo(1);
    }

    @Test
    void aLostCallbackIsCoveredByExotelsCallDetails() {
        harness.reset(oneTier(3));
        harness.exotel.stubFor(get(urlPathMatching("/v1/Accounts/acme/Calls/.*\\.json"))
                .willReturn(aResponse().withStatus(200).withBody("{\"Call\":{\"Sid\":\"x\",\"Status\":\"no-answer\"}}")));
        String id = harness.raise("life-lost-1");
        harness.pumpCalls();

        harness.runUntil("the call details to be applied", () -> harness.timeline(id).stream().anyMatch(e ->
                "delivery.no-answer".equals(e.get("event")) && "dr-rao".equals(e.get("personId"))), WAIT);

        assertThat(harness.timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "delivery.no-answer")
                .containsEntry("personId", "dr-rao").containsEntry("via", "call-details-api"));
        assertThat(harness.timeline(id)).anySatisfy(e -> assertThat(e).containsEntry("event", "retry.scheduled")
                .containsEntry("personId", "dr-rao"));
    }

    @Test
    void anSmsReplyWithTheCodeAcknowledgesOnceFromItsOwnPhoneOnly() {
        harness.reset(directory(1, 3));
        String id = harness.raise("life-sms-ack-1");
        String code = harness.ackCodes.issue(id, "dr-rao");

        assertThat(harness.ackCodes.issue(id, "dr-rao")).as("one code per incident and person").isEqualTo(code);
        assertThat(reply("09800000009", code)).as("another phone, even a recipient's").startsWith("No emergency with code");
        assertThat(reply("09800000002", code)).startsWith("No emergency with code");
        assertThat(harness.progress.acknowledgers(id)).isEmpty();
        assertThat(reply("09800000001", "ok " + code + " coming")).isEqualTo("Acknowledged. Thank you.");
        assertThat(reply("09800000001", code)).as("single use").startsWith("No emergency with code");

        assertThat(harness.progress.acknowledgers(id)).containsExactly("dr-rao");
        assertThat(harness.progress.state(id).orElseThrow().status()).isEqualTo(IncidentProgress.ACKNOWLEDGED);
        assertThat(harness.ackCodes.issue(id, "dr-iyer")).isNotEqualTo(code);
    }

    private String reply(String from, String body) {
        return harness.wiring.smsReplyAckWebhook().handle(harness.form("POST", Map.of("From", from, "Body", body))).body();
    }

    @Test
    void resolvingStopsPendingRetriesAndEscalation() {
        harness.reset(directory(1, 3));
        String id = harness.raise("life-resolve-1");
        harness.pumpCalls();
        harness.callStatus(harness.call(id, "dr-rao").providerId(), "no-answer");

        assertThat(harness.progress.resolve(id)).isTrue();
        harness.runFor(QUIET);

        assertThat(harness.connects()).isEqualTo(2);
        assertThat(harness.progress.state(id).orElseThrow()).isEqualTo(new IncidentProgress.State(IncidentProgress.RESOLVED, 0));
    }
}
