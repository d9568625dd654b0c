package sosrelay.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Priority;
import sosrelay.directory.RetryPolicy;

/** A maintenance window silences only what machines raise at normal priority; a person on the emergency line always rings. */
class IncidentMaintenanceTest {

    private static Incident raisedBy(String source, Priority priority) {
        Trigger trigger = new Trigger(source, "ref-1", "someone", Instant.EPOCH, null, null);
        return new Incident("inc-1", trigger, "Fire", null, new Recording(null, null, null), List.of(), List.of(), (RetryPolicy) null,
                null, List.of(), priority, 0, null, null).inMaintenance("maintenance mnt-1 until 2026-11-26T00:00:00Z");
    }

    @Test
    void aPassthruRingsInAMaintenanceWindowAsDoesAHighPriorityType() {
        assertThat(raisedBy(Trigger.EMERGENCY_LINE, Priority.NORMAL).silencedByMaintenance()).isFalse();
        assertThat(raisedBy("device", Priority.HIGH).silencedByMaintenance()).isFalse();
        assertThat(raisedBy("cloudwatch-alarm", Priority.HIGH).ringsInMaintenance()).isTrue();
    }

    @Test
    void aDeviceOrAlarmAtNormalPriorityIsSilencedOnlyInsideAWindow() {
        assertThat(raisedBy("device", Priority.NORMAL).silencedByMaintenance()).isTrue();
        assertThat(raisedBy("cloudwatch-alarm", Priority.NORMAL).silencedByMaintenance()).isTrue();
        Incident outside = new Incident("inc-2", new Trigger("device", "ref-2", "panel", Instant.EPOCH, null, null), "Fire", null,
                new Recording(null, null, null), List.of(), List.of(), null, null);
        assertThat(outside.silencedByMaintenance()).isFalse();
    }
}
