package sosrelay.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;

class DeliveryJobTest {

    @Test
    void roundTripsThroughJson() {
        DeliveryJob job = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001", Channel.CALL, 2);

        assertThat(DeliveryJob.fromJson(job.toJson())).isEqualTo(job);
    }

    @Test
    void carriesWhenTheIncidentWasRaisedAndReadsOlderJobsWithoutIt() {
        DeliveryJob job = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001", Channel.CALL, 1,
                Instant.parse("2025-01-02T03:04:05.678Z"), Priority.NORMAL, null);

        assertThat(job.toJson()).contains("\"incidentCreatedAtMillis\":1735787045678");
        assertThat(DeliveryJob.fromJson(job.toJson())).isEqualTo(job);
        assertThat(DeliveryJob.fromJson("{\"incidentId\":\"inc-aaaaaaaaaaaaaaaaaaaa\",\"personId\":\"dr-rao\","
                + "\"phone\":\"+919800000001\",\"channel\":\"call\",\"attempt\":1}").incidentCreatedAt()).isNull();
    }

    @Test
    void carriesItsPriorityAndSourceAndReadsOlderJobsAsNormalCountedByTheirIncident() {
        DeliveryJob job = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001", Channel.CALL, 1, null,
                Priority.HIGH, null, "device:key-1");

        assertThat(job.toJson()).contains("\"priority\":\"high\"", "\"source\":\"device:key-1\"");
        assertThat(DeliveryJob.fromJson(job.toJson())).isEqualTo(job);
        assertThat(job.fairnessKey()).isEqualTo("device:key-1");
        DeliveryJob older = DeliveryJob.fromJson("{\"incidentId\":\"inc-aaaaaaaaaaaaaaaaaaaa\",\"personId\":\"dr-rao\","
                + "\"phone\":\"+919800000001\",\"channel\":\"call\",\"attempt\":1}");
        assertThat(older.priority()).isEqualTo(Priority.NORMAL);
        assertThat(older.fairnessKey()).isEqualTo("incident:inc-aaaaaaaaaaaaaaaaaaaa");
        assertThatThrownBy(() -> DeliveryJob.fromJson(older.toJson().replace("normal", "urgent")))
                .hasMessage("job has no valid priority");
    }

    @Test
    void carriesTheSlotItWasQueuedAgainForAndNoneBeforeThat() {
        DeliveryJob job = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001", Channel.CALL, 1);
        Instant slot = Instant.parse("2025-01-02T03:04:05.678Z");

        assertThat(DeliveryJob.fromJson(job.toJson()).slot()).isNull();
        DeliveryJob back = DeliveryJob.fromJson(job.messageWithSlot(slot));
        assertThat(back.slot()).isEqualTo(slot);
        assertThat(back.personId()).isEqualTo("dr-rao");
    }

    @Test
    void itsCustomFieldFitsExotelsLimitEvenForTheLongestPersonId() {
        DeliveryJob job = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "p".repeat(64), "+919800000001", Channel.CALL, 1);

        assertThat(job.customField()).hasSizeLessThanOrEqualTo(128).startsWith("inc-aaaaaaaaaaaaaaaaaaaa:");
    }

    @Test
    void namesWhatIsWrongWithAMalformedJob() {
        assertThatThrownBy(() -> DeliveryJob.fromJson("{\"incidentId\":\"x\",\"channel\":\"call\",\"attempt\":1}"))
                .hasMessage("job has no personId");
        assertThatThrownBy(() -> DeliveryJob.fromJson("{\"channel\":\"fax\"}")).hasMessage("job has no valid channel");
        assertThatThrownBy(() -> DeliveryJob.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }
}
