package sosrelay.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passthru latency when {@code concurrency} front desks (distinct CallSids) report at the same
 * instant: how long Exotel's caller waits before hearing "we are calling your doctors".
 */
public final class WebhookLatency {
    /** Every request's latency, and how many were answered other than 200 (a Passthru past its deadline answers 302). */
    public record Result(Samples latencies, int notRecorded) {
    }

    private final BenchStack stack;
    private final int concurrency;
    private final int people;

    public WebhookLatency(BenchStack stack, int concurrency, int people) {
        this.stack = stack;
        this.concurrency = concurrency;
        this.people = people;
    }

    /** {@code rounds} bursts of {@code concurrency} requests; every request's latency is one sample. */
    public Result measure(int rounds) {
        Samples samples = new Samples();
        AtomicInteger notRecorded = new AtomicInteger();
        ExecutorService desks = Executors.newFixedThreadPool(concurrency);
        try {
            for (int round = 0; round < rounds; round++) {
                burst(desks, samples, notRecorded, "latency-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-");
                BenchStack.await("the call queue to drain", Duration.ofMinutes(2), stack::callQueueEmpty);
            }
        } finally {
            desks.shutdownNow();
        }
        return new Result(samples, notRecorded.get());
    }

    private void burst(ExecutorService desks, Samples samples, AtomicInteger notRecorded, String callSidPrefix) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> requests = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            String callSid = callSidPrefix + i;
            requests.add(desks.submit(() -> {
                start.await();
                long sent = System.nanoTime();
                int status = stack.passthru(callSid, BenchStack.typeFor(people));
                samples.add((System.nanoTime() - sent) / 1e6);
                if (status != 200) {
                    notRecorded.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> request : requests) {
            try {
                request.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
