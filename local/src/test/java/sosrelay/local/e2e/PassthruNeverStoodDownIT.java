package sosrelay.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sosrelay.incident.IncidentProgress;
import sosrelay.json.Json;
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Issue 20: the CallSid check never stands a Passthru down. With Exotel's call details lagging 90 s behind the call (404
 * until then), and with a call Exotel shows to another number (suspect), everyone is rung, the unanswered are rung again
 * and the next tier is brought in. A short Heart directory (retry 10 s, second tier 15 s) keeps each run short.
 */
class PassthruNeverStoodDownIT {
    private static final String CALLER = "+919800000099";
    private static final String DIRECTORY = """
            defaultType: Heart
            people:
              - {id: dr-rao, name: Dr. Rao, phone: "+919800000001"}
              - {id: dr-iyer, name: Dr. Iyer, phone: "+919800000002"}
              - {id: duty-manager, name: Duty manager, phone: "+919800000050"}
            types:
              Heart:
                retry: {attempts: 3, after: 10s}
                tiers:
                  - escalateAfter: 15s
                    required: 2
                    notify: [dr-rao, dr-iyer]
                  - notify: [duty-manager]
            """;

    @TempDir
    static Path dir;

    private static LocalRelay relay(Map<String, String> environment, Map<String, String> shell) {
        Path directory = dir.resolve("heart.yaml");
        try {
            Files.writeString(directory, DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withContactsFile(directory)
                .withEnvironmentOverrides(environment), shell, new PrintStream(PrintStream.nullOutputStream()));
    }

    @Test
    void callDetailsLagging90SecondsStandNothingDown() {
        // As from a shell: SOS_SANDBOX_CALL_DETAILS_LAG_SECONDS=90.
        try (LocalRelay relay = relay(Map.of(), Map.of(LocalRelay.SANDBOX_CALL_DETAILS_LAG_VARIABLE, "90"))) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            String drRao = relay.directory().people().get("dr-rao").phone();
            exotel.script(drRao, List.of("no-answer", "no-answer", "no-answer"));

            String incidentId = IncidentItems.raised(LocalHttp.inboundCall(relay, CALLER, "Heart"));

            LocalHttp.await("the first check to meet Exotel's lag", Duration.ofSeconds(20), () -> exotel.callDetailsNotYet() >= 1);
            LocalHttp.await("the 404 to be noted, with the next ask", Duration.ofSeconds(5),
                    () -> IncidentItems.events(relay, incidentId).contains("passthru.not-yet"));
            assertThat(IncidentItems.event(relay, incidentId, "passthru.not-yet")).containsEntry("nextAskIn", "PT55S");
            everyoneIsRungAgainAndEscalated(relay, exotel, drRao);
            assertThat(IncidentItems.events(relay, incidentId)).doesNotContain("passthru.suspect", "passthru.verified", "resolved");
            assertThat(IncidentItems.status(relay, incidentId)).isIn(IncidentProgress.OPEN, IncidentProgress.UNANSWERED);
        }
    }

    @Test
    void aSuspectCallIsFlaggedAndPagedWhileEveryoneIsRungAgainAndEscalated() {
        // Exotel's details show the sandbox's call to its own ExoPhone, not the one listed here: another call than ours.
        try (LocalRelay relay = relay(Map.of("EXOTEL_INBOUND_NUMBERS", "+918047999999"), Map.of())) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            String drRao = relay.directory().people().get("dr-rao").phone();
            exotel.script(drRao, List.of("no-answer", "no-answer", "no-answer"));

            String incidentId = IncidentItems.raised(LocalHttp.inboundCall(relay, CALLER, "Heart"));

            LocalHttp.await("the CallSid to be found suspect", Duration.ofSeconds(20),
                    () -> IncidentItems.events(relay, incidentId).contains("passthru.suspect"));
            assertThat(IncidentItems.event(relay, incidentId, "passthru.suspect")).containsEntry("paged", "operators")
                    .hasEntrySatisfying("why", why -> assertThat(why).contains("not to our number"));
            Map<String, Object> view = Json.readObject(LocalHttp.getWithKey(relay.stack().baseUrl(), "/v1/incidents/" + incidentId,
                    LocalRelay.LOCAL_OPERATOR_KEY).body());
            assertThat(view).containsKey("suspect");
            everyoneIsRungAgainAndEscalated(relay, exotel, drRao);
            assertThat(IncidentItems.events(relay, incidentId)).doesNotContain("resolved");
            assertThat(IncidentItems.status(relay, incidentId)).isIn(IncidentProgress.OPEN, IncidentProgress.UNANSWERED);
        }
    }

    private static void everyoneIsRungAgainAndEscalated(LocalRelay relay, SandboxExotel exotel, String drRao) {
        String drIyer = relay.directory().people().get("dr-iyer").phone();
        String dutyManager = relay.directory().people().get("duty-manager").phone();
        LocalHttp.await("dr-rao and dr-iyer to be rung", Duration.ofSeconds(15),
                () -> rung(exotel, drRao) >= 1 && rung(exotel, drIyer) >= 1);
        LocalHttp.await("dr-rao, unanswered, to be rung again", Duration.ofSeconds(25), () -> rung(exotel, drRao) >= 2);
        LocalHttp.await("the second tier to be brought in", Duration.ofSeconds(25), () -> rung(exotel, dutyManager) >= 1);
    }

    private static long rung(SandboxExotel exotel, String phone) {
        return exotel.calls().stream().filter(c -> c.from().equals(phone)).count();
    }
}
