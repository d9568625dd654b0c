package sosrelay.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where one incident's time to ring goes, from a {@link RequestTrace} of its run and the stand-in's arrivals: each
 * stage's first and last moment (milliseconds after the trigger) through the Passthru, the queue, the poller, the
 * worker and the provider. The poller's stage is its ReceiveMessage returning the job; the worker's are its requests.
 */
public final class RunTrace {
    /** A stage of the path, with its first and last moment after the trigger (the last is the slowest job's), and a note. */
    public record Stage(String name, double first, double last, String note) {
    }

    /** A call job's body names its person; the Voice API's budget (the CallSid check) takes tokens too, without a delivery. */
    private static final String JOB = "\"personId\":";
    private static final String DELIVERY = sosrelay.table.TableKeys.DELIVERIES;

    private RunTrace() {
    }

    public static List<Stage> of(StaggeredIncidents.Raised incident, List<RequestTrace.Event> events, List<Long> arrivals) {
        String id = incident.id();
        long t0 = incident.trigger();
        List<Stage> stages = new ArrayList<>();
        stage(stages, "Passthru: incident stored (IncidentStore.create)", ends(events, id, "IncidentStore.create", t0), "");
        stage(stages, "Passthru: jobs queued (JobQueue.sendBatch)", ends(events, id, "JobQueue.sendBatch", t0), "");
        stages.add(new Stage("Passthru: answered (the bench's HTTP client)", incident.answered() - t0, incident.answered() - t0, ""));
        List<Double> received = new ArrayList<>();
        List<Integer> batches = new ArrayList<>();
        events.stream().filter(e -> e.operation().equals("Sqs ReceiveMessage") && e.mentions(id))
                .sorted(java.util.Comparator.comparingLong(RequestTrace.Event::end)).forEach(e -> {
                    // Its call jobs only: the timers queue carries the incident's id too (the recording copy, the CallSid check).
                    int jobs = (int) Arrays.stream(e.text().split("\n")).filter(body -> body.contains(id) && body.contains(JOB)).count();
                    if (jobs == 0) {
                        return;
                    }
                    batches.add(jobs);
                    for (int i = 0; i < jobs; i++) {
                        received.add((double) (e.end() - t0));
                    }
                });
        stage(stages, "poller: job received (ReceiveMessage returns)", received, "in receives of " + batches);
        stage(stages, "worker: invoked, incident's state read (IncidentProgress.firstWave)", ends(events, id, "IncidentProgress.firstWave", t0), "once per batch");
        stage(stages, "worker: token and claim written (SlidingWindowBudget.take)", ends(events, id, "SlidingWindowBudget.take", t0, DELIVERY), "");
        stage(stages, "provider: call request arrives", arrivals.stream().map(a -> (double) (a - t0)).toList(), "");
        stage(stages, "worker: acceptance written (DeliveryStore.accepted)", ends(events, id, "DeliveryStore.accepted", t0), "");
        return stages;
    }

    /** Each stage's first and last moment, the median over several incidents' traces. */
    public static Map<String, String> medians(List<List<Stage>> traces) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = 0; i < traces.get(0).size(); i++) {
            int stage = i;
            Samples first = Samples.of(traces.stream().map(t -> t.get(stage).first()).toList());
            Samples last = Samples.of(traces.stream().map(t -> t.get(stage).last()).toList());
            String notes = String.join("; ", traces.stream().map(t -> t.get(stage).note()).filter(n -> !n.isEmpty()).distinct().toList());
            rows.put(traces.get(0).get(i).name(), String.format("first %s, last %s%s", Table.millis(first.median()),
                    Table.millis(last.median()), notes.isEmpty() ? "" : " (" + notes + ")"));
        }
        return rows;
    }

    private static List<Double> ends(List<RequestTrace.Event> events, String id, String madeBy, long t0, String... alsoMentioned) {
        Predicate<RequestTrace.Event> match = e -> e.madeBy().equals(madeBy) && e.mentions(id)
                && Arrays.stream(alsoMentioned).allMatch(e::mentions);
        return events.stream().filter(match).map(e -> (double) (e.end() - t0)).sorted().toList();
    }

    private static void stage(List<Stage> stages, String name, List<Double> moments, String note) {
        List<Double> sorted = moments.stream().sorted().toList();
        stages.add(sorted.isEmpty() ? new Stage(name, Double.NaN, Double.NaN, "not seen")
                : new Stage(name, sorted.get(0), sorted.get(sorted.size() - 1), note));
    }
}
