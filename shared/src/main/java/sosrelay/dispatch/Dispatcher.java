package sosrelay.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import sosrelay.directory.Channel;
import sosrelay.directory.Person;
import sosrelay.directory.Priority;
import sosrelay.incident.Incident;

/**
 * Turns an incident into one job per recipient and channel, each channel on its own queue so a
 * slow or failing channel never holds another up.
 */
public final class Dispatcher {
    private final JobQueue jobs;
    private final Map<Channel, String> queueUrls;

    public Dispatcher(JobQueue jobs, Map<Channel, String> queueUrls) {
        this.jobs = jobs;
        this.queueUrls = new EnumMap<>(queueUrls);
    }

    /**
     * Queues the first attempt for everyone in the incident's first tier, each job carrying
     * {@code createdAt} (when the incident was stored) so the workers can measure time-to-ring.
     */
    public int dispatchFirstTier(Incident incident, Instant createdAt) {
        return queue(incident, 0, createdAt);
    }

    /** Queues the first attempt for everyone in the incident's tier {@code tier}; returns how many jobs were queued. */
    public int dispatch(Incident incident, int tier) {
        return queue(incident, tier, null);
    }

    private int queue(Incident incident, int tier, Instant createdAt) {
        Map<Channel, List<String>> byChannel = new EnumMap<>(Channel.class);
        for (Person person : incident.tierPeople(tier)) {
            for (Channel channel : person.channels()) {
                DeliveryJob job = job(incident, person, channel, 1, createdAt);
                byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(job.toJson());
            }
        }
        int total = 0;
        for (Map.Entry<Channel, List<String>> entry : byChannel.entrySet()) {
            jobs.sendAll(queueUrls.get(entry.getKey()), entry.getValue());
            total += entry.getValue().size();
        }
        return total;
    }

    /**
     * The job for one person on one channel, carrying what the shared provider budget orders it by: the incident's
     * priority and who raised it. Every type is normal until the directory gives types a priority.
     */
    static DeliveryJob job(Incident incident, Person person, Channel channel, int attempt, Instant createdAt) {
        return new DeliveryJob(incident.id(), person.id(), person.phone(), channel, attempt, createdAt, Priority.NORMAL,
                incident.trigger().fairnessKey());
    }

    /** Queues one job (a retry) on its channel's queue. */
    public void send(DeliveryJob job) {
        jobs.sendAll(queueUrls.get(job.channel()), List.of(job.toJson()));
    }
}
