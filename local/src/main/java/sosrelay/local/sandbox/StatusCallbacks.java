package sosrelay.local.sandbox;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import sosrelay.directory.PhoneNumbers;

/**
 * Posts a call's status callback, trying again twice a second apart when the receiver fails (an
 * error status or no answer at all), then giving up out loud: a lost callback is a case the server
 * must live with, so the sandbox shows it rather than retrying forever.
 */
final class StatusCallbacks {
    private static final int ATTEMPTS = 3;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final PrintStream console;

    StatusCallbacks(HttpClient http, ScheduledExecutorService scheduler, PrintStream console) {
        this.http = http;
        this.scheduler = scheduler;
        this.console = console;
    }

    /** Posts now, on the calling thread; retries run on the scheduler. Each attempt goes to {@code record}. */
    void post(SandboxExotel.PlacedCall call, Consumer<CallProgress.CallbackAttempt> record) {
        attempt(call, StatusCallbackRequest.of(call), 1, record);
    }

    private void attempt(SandboxExotel.PlacedCall call, HttpRequest request, int attempt,
                         Consumer<CallProgress.CallbackAttempt> record) {
        int httpStatus = SandboxHttp.send(http, request);
        CallProgress.CallbackAttempt posted = new CallProgress.CallbackAttempt(call.status(), httpStatus);
        record.accept(posted);
        String line = String.format("[sandbox exotel] %s status callback %s -> %s", PhoneNumbers.mask(call.from()),
                call.status(), SandboxHttp.statusText(httpStatus));
        if (posted.delivered()) {
            console.println(line);
        } else if (attempt < ATTEMPTS) {
            console.println(line + ", trying again in " + RETRY_AFTER.toSeconds() + " s");
            scheduler.schedule(() -> attempt(call, request, attempt + 1, record), RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            console.println(line + ", given up after " + ATTEMPTS + " attempts");
        }
    }
}
