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
import sosrelay.local.LocalRelay;
import sosrelay.local.LocalStackOptions;
import sosrelay.local.backends.LocalTemplate;
import sosrelay.local.sandbox.SandboxExotel;

/**
 * Issue 11's Passthru CallSid check on the README's stack (the check on, as it deploys) with a small Heart directory whose
 * retry (25 s) comes due soon after the verdict (+5 s): a call the sandbox placed is verified; an Exotel whose call
 * details fail never cancels anything. A suspect or lagging CallSid: {@link PassthruNeverStoodDownIT}.
 */
class CallSidCheckIT {
    private static final String CALLER = "+919800000099";
    private static final int FIRST_WAVE = 4;
    private static final String DIRECTORY = """
            defaultType: Heart
            people:
              - {id: dr-rao, name: Dr. Rao, phone: "+919800000001"}
              - {id: dr-iyer, name: Dr. Iyer, phone: "+919800000002"}
              - {id: dr-khan, name: Dr. Khan, phone: "+919800000003"}
              - {id: nurse-anita, name: Nurse Anita, phone: "+919800000011"}
              - {id: duty-manager, name: Duty manager, phone: "+919800000050"}
            types:
              Heart:
                retry: {attempts: 3, after: 25s}
                tiers:
                  - escalateAfter: 35s
                    required: 2
                    notify: [dr-rao, dr-iyer, dr-khan, nurse-anita]
                  - notify: [duty-manager]
            """;

    @TempDir
    static Path dir;

    /** The README's stack (check on, sandboxes) over this class's directory. */
    private static LocalRelay relay() {
        Path directory = dir.resolve("heart.yaml");
        try {
            Files.writeString(directory, DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LocalRelay.start(LocalStackOptions.forTemplate(LocalTemplate.findTemplate()).withContactsFile(directory), Map.of(),
                new PrintStream(PrintStream.nullOutputStream()));
    }

    @Test
    void aCallTheSandboxPlacedRingsEveryoneAndIsVerified() {
        try (LocalRelay relay = relay()) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();

            String incidentId = IncidentItems.raised(LocalHttp.inboundCall(relay, CALLER, "Heart"));

            LocalHttp.await("the Heart people to be rung", Duration.ofSeconds(30), () -> exotel.calls().size() == FIRST_WAVE);
            LocalHttp.await("the CallSid to be verified", Duration.ofSeconds(30), () -> IncidentItems.events(relay, incidentId).contains("passthru.verified"));
            assertThat(IncidentItems.events(relay, incidentId)).doesNotContain("passthru.forged", "passthru.unverified");
            assertThat(IncidentItems.status(relay, incidentId)).isEqualTo(IncidentProgress.OPEN);
        }
    }

    @Test
    void callDetailsThatFailNeverCancelAndTheCheckGoesOnUntilExotelAnswers() {
        try (LocalRelay relay = relay()) {
            SandboxExotel exotel = relay.sandbox().orElseThrow();
            String drRao = relay.directory().people().get("dr-rao").phone();
            exotel.script(drRao, List.of("no-answer", "answer"));
            exotel.callDetailsDown(true);

            String incidentId = IncidentItems.raised(LocalHttp.inboundCall(relay, CALLER, "Heart"));

            // The first check (+5 s) gets 503: nothing is cancelled, the incident stays open and unjudged.
            LocalHttp.await("the first check to meet Exotel down", Duration.ofSeconds(30), () -> exotel.callDetailsRefused() >= 1);
            LocalHttp.await("the first wave to be rung", Duration.ofSeconds(20), () -> exotel.calls().size() == FIRST_WAVE);
            assertThat(IncidentItems.events(relay, incidentId)).doesNotContain("passthru.forged", "passthru.verified");
            assertThat(IncidentItems.status(relay, incidentId)).isEqualTo(IncidentProgress.OPEN);

            // The next check (+20 s) finds the call; dr-rao's retry (+25 s) still rings.
            exotel.callDetailsDown(false);
            LocalHttp.await("the CallSid to be verified once Exotel answers", Duration.ofSeconds(60),
                    () -> IncidentItems.events(relay, incidentId).contains("passthru.verified"));
            LocalHttp.await("dr-rao's retry", Duration.ofSeconds(30),
                    () -> exotel.calls().stream().filter(c -> c.from().equals(drRao)).count() == 2);
            assertThat(IncidentItems.events(relay, incidentId)).doesNotContain("passthru.forged");
        }
    }
}
