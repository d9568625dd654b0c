package sosrelay.dispatch;

import sosrelay.delivery.DeliveryJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntBiFunction;
import sosrelay.directory.Channel;
import sosrelay.directory.Person;
import sosrelay.incident.Incident;

/**
 * Turns an incident into one job per recipient and channel, each channel on its own queue so a
 * slow or failing channel never holds another up, and high-priority calls on a queue of their own
 * ({@link QueueRoutes}). Every job carries the incident's priority.
 */
public final class Dispatcher {
    private final JobQueue jobs;
    private final QueueRoutes routes;

    public Dispatcher(JobQueue jobs, QueueRoutes routes) {
        this.jobs = jobs;
        this.routes = routes;
    }

    /**
     * Queues the first attempt for {@code people} (the first tier, as notified now), each job carrying
     * {@code createdAt} (when the incident was stored) so the workers can measure time-to-ring.
     */
    public int dispatchFirstTier(Incident incident, List<Person> people, Instant createdAt) {
        return queue(incident, people, createdAt, (person, channel) -> 1);
    }

    /**
     * Queues the next attempt for {@code people} (a later tier, or a tier again in a later round):
     * {@code attemptOf} says each person and channel's next attempt number.
     */
    public int dispatch(Incident incident, List<Person> people, ToIntBiFunction<String, Channel> attemptOf) {
        return queue(incident, people, null, attemptOf);
    }

    private int queue(Incident incident, List<Person> people, Instant createdAt, ToIntBiFunction<String, Channel> attemptOf) {
        Map<String, List<String>> byQueue = new LinkedHashMap<>();
        for (Person person : people) {
            for (Channel channel : person.channels()) {
                int attempt = attemptOf.applyAsInt(person.id(), channel);
                DeliveryJob job = new DeliveryJob(incident.id(), person.id(), numberFor(person, channel, attempt), channel, attempt, createdAt,
                        incident.priority(), null, incident.trigger().fairnessKey());
                byQueue.computeIfAbsent(routes.queueUrl(job), q -> new ArrayList<>()).add(job.toJson());
            }
        }
        int total = 0;
        for (Map.Entry<String, List<String>> entry : byQueue.entrySet()) {
            jobs.sendAll(entry.getKey(), entry.getValue());
            total += entry.getValue().size();
        }
        return total;
    }

    /** A call attempt rings the person's number for that attempt ({@link Person#phoneFor}); texts go to their first number. */
    static String numberFor(Person person, Channel channel, int attempt) {
        return channel == Channel.CALL ? person.phoneFor(attempt) : person.phone();
    }

    /** Queues one job (a retry, a notice) on its channel's queue, or for a high-priority call the urgent one. */
    public void send(DeliveryJob job) {
        jobs.sendAll(routes.queueUrl(job), List.of(job.toJson()));
    }
}
