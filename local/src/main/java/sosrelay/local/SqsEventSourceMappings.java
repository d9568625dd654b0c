package sosrelay.local;

import software.amazon.awssdk.services.sqs.SqsClient;
import sosrelay.local.backends.LocalResources;
import sosrelay.local.backends.SqsEventSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The pollers of every SQS event in the template; close() stops them and waits for running invocations. */
final class SqsEventSourceMappings implements AutoCloseable {
    /** Lambda starts with five concurrent pollers per queue. */
    static final int DEFAULT_POLLERS = 5;
    private static final long STOP_TIMEOUT_SECONDS = 30;

    record Mapping(LocalResources.Queue queue, SqsEventSource source, LocalFunction function, int pollers) {
    }

    private final List<Mapping> mappings;
    private final List<SqsPoller> pollers = new ArrayList<>();
    private final ExecutorService threads;

    private SqsEventSourceMappings(List<Mapping> mappings) {
        this.mappings = List.copyOf(mappings);
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sqs-poller-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    static SqsEventSourceMappings start(SqsClient sqs, List<Mapping> mappings) {
        SqsEventSourceMappings started = new SqsEventSourceMappings(mappings);
        for (Mapping mapping : mappings) {
            for (int i = 0; i < mapping.pollers(); i++) {
                SqsPoller poller = new SqsPoller(sqs, mapping.queue(), mapping.source(), mapping.function());
                started.pollers.add(poller);
                started.threads.execute(poller);
            }
        }
        return started;
    }

    static int pollers(SqsEventSource source) {
        return Math.min(DEFAULT_POLLERS, source.maximumConcurrency().orElse(DEFAULT_POLLERS));
    }

    List<Mapping> mappings() {
        return mappings;
    }

    @Override
    public void close() {
        pollers.forEach(SqsPoller::stop);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
