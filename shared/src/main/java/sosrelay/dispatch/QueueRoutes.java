package sosrelay.dispatch;

import java.util.EnumMap;
import java.util.Map;
import sosrelay.delivery.DeliveryJob;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;

/**
 * Which queue a job goes on: its channel's, except that a high-priority call has a queue of its own. The
 * pacer lets a Code Blue's calls go ahead of a server alarm's fan-out, but only once a worker has received
 * them: on one queue they would be received after most of that fan-out. With their own queue and their own
 * pollers they are received at once. Every way a call job is queued (first wave, later tier, retry, the
 * pacer's re-queue) asks here, so an urgent job never falls back among the normal ones.
 */
public final class QueueRoutes {
    private final Map<Channel, String> byChannel;
    private final String urgentCalls;

    /** {@code byChannel}: every channel's queue; {@code urgentCalls}: the queue of high-priority calls. */
    public QueueRoutes(Map<Channel, String> byChannel, String urgentCalls) {
        this.byChannel = new EnumMap<>(byChannel);
        this.urgentCalls = urgentCalls;
        for (Channel channel : Channel.values()) {
            if (this.byChannel.get(channel) == null) {
                throw new IllegalArgumentException("no queue for the " + channel.id() + " channel");
            }
        }
        if (urgentCalls == null) {
            throw new IllegalArgumentException("no queue for urgent calls");
        }
    }

    public String queueUrl(Channel channel, Priority priority) {
        return channel == Channel.CALL && priority == Priority.HIGH ? urgentCalls : byChannel.get(channel);
    }

    public String queueUrl(DeliveryJob job) {
        return queueUrl(job.channel(), job.priority());
    }
}
