package sosrelay.delivery;

import sosrelay.dispatch.DeliveryJob;

/** A provider channel: places one call or sends one message. */
@FunctionalInterface
public interface Sender {
    SendResult send(DeliveryJob job);
}
