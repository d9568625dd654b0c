package sosrelay.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import sosrelay.delivery.DeliveryJob;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;

class QueueRoutesTest {
    private static final Map<Channel, String> CHANNELS = Map.of(Channel.CALL, "q/calls", Channel.SMS, "q/sms", Channel.WHATSAPP, "q/whatsapp");
    private final QueueRoutes routes = new QueueRoutes(CHANNELS, "q/urgent-calls");

    @Test
    void aHighPriorityCallGoesOnTheUrgentQueueAndEveryOtherJobOnItsChannels() {
        assertThat(routes.queueUrl(Channel.CALL, Priority.HIGH)).isEqualTo("q/urgent-calls");
        assertThat(routes.queueUrl(Channel.CALL, Priority.NORMAL)).isEqualTo("q/calls");
        assertThat(routes.queueUrl(Channel.SMS, Priority.HIGH)).isEqualTo("q/sms");
        assertThat(routes.queueUrl(Channel.WHATSAPP, Priority.HIGH)).isEqualTo("q/whatsapp");
    }

    @Test
    void aRetryOrARequeuedJobGoesWhereItsPriorityTakesIt() {
        DeliveryJob urgentRetry = new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "dr-rao", "+919800000001", Channel.CALL, 2, null,
                Priority.HIGH, null, "exotel-call");
        DeliveryJob backFromWaiting = DeliveryJob.fromJson(urgentRetry.toJson());

        assertThat(routes.queueUrl(urgentRetry)).isEqualTo("q/urgent-calls");
        assertThat(routes.queueUrl(backFromWaiting)).isEqualTo("q/urgent-calls");
        assertThat(routes.queueUrl(new DeliveryJob("inc-aaaaaaaaaaaaaaaaaaaa", "it-001", "+919800000002", Channel.CALL, 2)))
                .as("a job without a priority is normal").isEqualTo("q/calls");
    }

    @Test
    void aMissingQueueIsRefusedWhenWiredNotWhenAnEmergencyIsQueued() {
        assertThatThrownBy(() -> new QueueRoutes(Map.of(Channel.CALL, "q/calls", Channel.SMS, "q/sms"), "q/urgent-calls"))
                .hasMessageContaining("whatsapp");
        assertThatThrownBy(() -> new QueueRoutes(CHANNELS, null)).hasMessageContaining("urgent calls");
    }
}
