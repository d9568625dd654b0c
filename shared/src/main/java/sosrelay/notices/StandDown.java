package sosrelay.notices;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sosrelay.delivery.DeliveryStatus;
import sosrelay.delivery.DeliveryStore;
import sosrelay.directory.Channel;
import sosrelay.directory.Person;
import sosrelay.delivery.DeliveryJob;
import sosrelay.dispatch.Dispatcher;
import sosrelay.delivery.Notice;
import sosrelay.incident.Incident;
import sosrelay.incident.Timeline;

/**
 * Once an incident is covered (or resolved), everyone it notified who has not acknowledged gets a
 * short text ("Heart emergency covered by Dr. Rao, Nurse station. No action needed."), on WhatsApp
 * and SMS as their channels say, by SMS when they are reached by call only: so nobody is still on
 * the way to an emergency that is handled. Pending retries and escalations stop on their own (they
 * check the incident is open).
 */
public final class StandDown {
    private final DeliveryStore deliveries;
    private final Dispatcher dispatcher;
    private final Timeline timeline;

    public StandDown(DeliveryStore deliveries, Dispatcher dispatcher, Timeline timeline) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.timeline = timeline;
    }

    /** {@code acknowledgers} in the order they came; {@code required} as the incident needed. */
    public void covered(Incident incident, List<String> acknowledgers, int required) {
        Set<String> notified = new LinkedHashSet<>();
        for (DeliveryStatus d : deliveries.forIncident(incident.id())) {
            if (!d.personId().contains("~")) {
                notified.add(d.personId());
            }
        }
        notified.removeAll(acknowledgers);
        Notice notice = new Notice(Notice.Kind.STAND_DOWN, Coming.names(incident, acknowledgers),
                acknowledgers.size() + " of " + required);
        int jobs = 0;
        for (String personId : notified) {
            Person person = incident.recipient(personId);
            if (person == null) {
                continue;
            }
            List<Channel> channels = person.channels().stream().filter(c -> c != Channel.CALL).toList();
            for (Channel channel : channels.isEmpty() ? List.of(Channel.SMS) : channels) {
                dispatcher.send(new DeliveryJob(incident.id(), Notice.deliveryKey(personId, Notice.Kind.STAND_DOWN, null), person.phone(),
                        channel, 1, null, incident.priority(), notice));
                jobs++;
            }
        }
        timeline.record(incident.id(), "stood-down", "people", notified.size(), "jobs", jobs, "coming", notice.coming());
    }
}
