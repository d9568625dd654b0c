package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.incident.IncidentProgress;
import sosrelay.incident.Timeline;
import sosrelay.local.LocalRelay;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Issue 11's Passthru CallSid check on the README's stack (the check on, as it deploys): a call the sandbox placed is
 * verified; a made-up CallSid still rings the first wave at once, then its incident is stood down and marked forged;
 * an Exotel whose call details fail never cancels anything.
 */
class CallSidCheckIT {
    private static final String CALLER = "+919800000099";

    @Test
    void aCallTheSandboxPlacedRingsEveryoneAndIsVerified() {
        try (LocalRelay relay = LocalHttp.demoRelay()) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();

            String incidentId = raised(LocalHttp.inboundCall(relay, CALLER, "Heart"));

            LocalHttp.await("the twenty Heart people to be rung", Duration.ofSeconds(30), () -> exotel.calls().size() == 20);
            LocalHttp.await("the CallSid to be verified", Duration.ofSeconds(30), () -> events(relay, incidentId).contains("passthru.verified"));
            assertThat(events(relay, incidentId)).doesNotContain("passthru.forged", "passthru.unverified");
            assertThat(status(relay, incidentId)).isEqualTo(IncidentProgress.OPEN);
        }
    }

    @Test
    void aMadeUpCallSidRingsTheFirstWaveAtOnceThenIsStoodDownAndMarkedForged() {
        try (LocalRelay relay = LocalHttp.demoRelay()) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            // Nobody answers dr-rao: a retry is pending 30 s after the first call, well after the check.
            String drRao = relay.directory().people().get("dr-rao").phone();
            exotel.script(drRao, List.of("no-answer"));

            long sent = System.nanoTime();
            String body = LocalHttp.get(relay.stack().baseUrl(), "/exotel/" + LocalRelay.LOCAL_SECRET + "/passthru",
                    LocalHttp.exotelPassthru("forged-call-0001", "Heart")).body();
            String incidentId = body.substring("OK ".length());

            LocalHttp.await("the first wave to be rung", Duration.ofSeconds(20), () -> exotel.calls().size() == 20);

            LocalHttp.await("the CallSid to be found forged", Duration.ofSeconds(40), () -> events(relay, incidentId).contains("passthru.forged"));
            Map<String, String> forged = event(relay, incidentId, "passthru.forged");
            assertThat(forged).containsEntry("why", "Exotel has no such call (404, 2 times)").containsEntry("paged", "operators")
                    .containsEntry("pendingCancelled", "true");
            assertThat(status(relay, incidentId)).isEqualTo(IncidentProgress.RESOLVED);
            Instant forgedAt = Instant.parse(forged.get("at"));
            assertThat(exotel.calls()).as("the first wave waited for no check").allSatisfy(c -> assertThat(c.at()).isBefore(forgedAt));
            int callsThen = exotel.calls().size();
            int textsThen = exotel.smsMessages().size();

            // dr-rao's retry came due at +30 s and the second tier at +1 min: neither rings, nobody clinical is told anything.
            LocalHttp.await("the escalation's time to pass", Duration.ofSeconds(90),
                    () -> Duration.ofNanos(System.nanoTime() - sent).compareTo(Duration.ofSeconds(75)) > 0);
            assertThat(exotel.calls()).hasSize(callsThen).filteredOn(c -> c.from().equals(drRao)).hasSize(1);
            assertThat(exotel.smsMessages()).hasSize(textsThen);
        }
    }

    @Test
    void callDetailsThatFailNeverCancelAndTheCheckGoesOnUntilExotelAnswers() {
        try (LocalRelay relay = LocalHttp.demoRelay()) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            String drRao = relay.directory().people().get("dr-rao").phone();
            exotel.script(drRao, List.of("no-answer", "answer"));
            exotel.callDetailsDown(true);

            String incidentId = raised(LocalHttp.inboundCall(relay, CALLER, "Heart"));

            // The first check (+5 s) gets 503, the next (+15 s) too: the retry at +30 s still rings dr-rao.
            LocalHttp.await("dr-rao's retry", Duration.ofSeconds(60),
                    () -> exotel.calls().stream().filter(c -> c.from().equals(drRao)).count() == 2);
            assertThat(events(relay, incidentId)).doesNotContain("passthru.forged", "passthru.verified");
            assertThat(status(relay, incidentId)).isEqualTo(IncidentProgress.OPEN);

            exotel.callDetailsDown(false);
            LocalHttp.await("the CallSid to be verified once Exotel answers", Duration.ofSeconds(90),
                    () -> events(relay, incidentId).contains("passthru.verified"));
            assertThat(events(relay, incidentId)).doesNotContain("passthru.forged");
        }
    }

    private static String raised(Map<String, Object> call) {
        assertThat(((Number) call.get("passthruStatus")).intValue()).isEqualTo(200);
        return ((String) call.get("passthruBody")).substring("OK ".length());
    }

    private static List<String> events(LocalRelay relay, String incidentId) {
        return timeline(relay).read(incidentId).stream().map(e -> e.get("event")).toList();
    }

    private static Map<String, String> event(LocalRelay relay, String incidentId, String name) {
        return timeline(relay).read(incidentId).stream().filter(e -> name.equals(e.get("event"))).findFirst().orElseThrow();
    }

    private static Timeline timeline(LocalRelay relay) {
        return new Timeline(relay.stack().dynamoDb(), table(relay), Clock.systemUTC());
    }

    private static String status(LocalRelay relay, String incidentId) {
        return new IncidentProgress(relay.stack().dynamoDb(), table(relay), Clock.systemUTC()).state(incidentId).orElseThrow().status();
    }

    private static String table(LocalRelay relay) {
        return relay.stack().resources().tableName("IncidentsTable").orElseThrow();
    }
}
