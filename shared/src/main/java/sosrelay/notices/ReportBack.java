package sosrelay.notices;

import java.util.List;
import sosrelay.directory.Channel;
import sosrelay.directory.Priority;
import sosrelay.delivery.DeliveryJob;
import sosrelay.dispatch.Dispatcher;
import sosrelay.delivery.Notice;
import sosrelay.incident.Incident;
import sosrelay.incident.Timeline;

/**
 * Tells whoever raised the emergency (the Passthru's caller, a device's {@code reportTo}) how it
 * stands: an SMS when the first person acknowledges and another when enough have ("2 of 2 coming:
 * Dr. Rao, Nurse station"), and an urgent call if nobody came after every round, so the desk turns
 * to the overhead page at once. Each is its own delivery, so it goes once however often it is asked.
 */
public final class ReportBack {
    /** The delivery key's person part for the reporter: no person id can start with "_". */
    public static final String REPORTER = "_reporter";

    private final Dispatcher dispatcher;
    private final Timeline timeline;

    public ReportBack(Dispatcher dispatcher, Timeline timeline) {
        this.dispatcher = dispatcher;
        this.timeline = timeline;
    }

    /**
     * After {@code personId} acknowledged: {@code acknowledgers} in the order they came (so two at once
     * still agree on who was first), {@code required} of the active tier.
     */
    public void acknowledged(Incident incident, String personId, List<String> acknowledgers, int required) {
        String to = incident.trigger().reportTo();
        if (to == null) {
            return;
        }
        if (required > 1 && acknowledgers.get(0).equals(personId)) {
            send(incident, to, "first", acknowledgers.subList(0, 1), required);
        }
        if (acknowledgers.size() >= required) {
            send(incident, to, "covered", acknowledgers, required);
        }
    }

    private void send(Incident incident, String to, String which, List<String> coming, int required) {
        Notice notice = new Notice(Notice.Kind.COMING, Coming.names(incident, coming), coming.size() + " of " + required);
        dispatcher.send(new DeliveryJob(incident.id(), Notice.deliveryKey(REPORTER, Notice.Kind.COMING, which), to, Channel.SMS, 1,
                null, Priority.HIGH, notice));
        timeline.record(incident.id(), "report.coming", "count", notice.count(), "coming", notice.coming());
    }

    /** After the last round: an urgent call that speaks the state. */
    public void unanswered(Incident incident) {
        String to = incident.trigger().reportTo();
        if (to == null) {
            timeline.record(incident.id(), "report.skipped", "why", "nobody to report back to");
            return;
        }
        dispatcher.send(new DeliveryJob(incident.id(), Notice.deliveryKey(REPORTER, Notice.Kind.UNANSWERED, null), to, Channel.CALL, 1,
                null, Priority.HIGH, new Notice(Notice.Kind.UNANSWERED, "nobody", "0")));
        timeline.record(incident.id(), "report.unanswered", "channel", "call");
    }
}
