package sosrelay.passthru;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Exotel's caller waits on the Passthru for about 15 s, then takes the applet's timeout branch. The
 * answer must come well before that, whatever DynamoDB or SQS do: the work runs beside the request
 * thread, which answers when it is done or when {@code limit} is up, whichever comes first.
 */
public final class PassthruDeadline {

    /** What became of the work within the limit. */
    public sealed interface Outcome<T> {
        record Done<T>(T value) implements Outcome<T> {
        }

        record Failed<T>(RuntimeException error) implements Outcome<T> {
        }

        record TimedOut<T>() implements Outcome<T> {
        }
    }

    private final ExecutorService runner;
    private final Duration limit;

    /** {@code runner} must not be a pool the work itself waits on, or a busy pool would deadlock it. */
    public PassthruDeadline(ExecutorService runner, Duration limit) {
        this.runner = runner;
        this.limit = limit;
    }

    public Duration limit() {
        return limit;
    }

    public <T> Outcome<T> run(Supplier<T> work) {
        Future<T> future;
        try {
            future = runner.submit(work::get);
        } catch (RuntimeException rejected) {
            return new Outcome.Failed<>(rejected);
        }
        try {
            return new Outcome.Done<>(future.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException late) {
            return new Outcome.TimedOut<>();
        } catch (ExecutionException e) {
            return new Outcome.Failed<>(e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.TimedOut<>();
        }
    }
}
