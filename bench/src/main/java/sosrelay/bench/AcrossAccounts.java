package sosrelay.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One large fan-out over {@code VOICE_PROVIDERS=exotel,exotel:b,plivo}, each with its own budget at its real limit,
 * time-compressed 10x as {@link AtTheLimit} is: each Exotel account's 190 in a window of 6 s instead of a minute, Plivo's 50
 * concurrent calls counted over 11.5 s instead of 115 s (its 2 calls a second as 20, its 90 s held as 9). When one account's
 * budget is spent the next with room takes the call: the clock stops at the last provider request.
 */
public final class AcrossAccounts {
    /** The pacers' window, compressed: a minute as 6 s. */
    static final Duration WINDOW = Duration.ofSeconds(6);

    /** @param last ms from the trigger to the last request, whichever provider it went to */
    public record Result(int people, int first, int b, int plivo, double last) {
    }

    private final BenchStack stack;
    private final SlowExotel first;
    private final SlowExotel b;
    private final SlowPlivo plivo;

    public AcrossAccounts(BenchStack stack, SlowExotel first, SlowExotel b, SlowPlivo plivo) {
        this.stack = stack;
        this.first = first;
        this.b = b;
        this.plivo = plivo;
    }

    /** The stack's settings for the three providers, the second account and Plivo pointed at their stand-ins. */
    public static Map<String, String> environment(SlowExotel b, SlowPlivo plivo) {
        Map<String, String> environment = new HashMap<>();
        environment.put("VOICE_PROVIDERS", "exotel,exotel:b,plivo");
        environment.put("EXOTEL_CALL_LIMIT_WINDOW_MS", Long.toString(WINDOW.toMillis()));
        environment.put("EXOTEL_B_API_BASE_URL", b.baseUrl());
        environment.put("EXOTEL_B_ACCOUNT_SID", SlowExotel.ACCOUNT_SID);
        environment.put("EXOTEL_B_API_KEY", SlowExotel.API_KEY);
        environment.put("EXOTEL_B_API_TOKEN", SlowExotel.API_TOKEN);
        environment.put("EXOTEL_B_CALLER_ID", "08047000099");
        environment.put("EXOTEL_B_FLOW_URL", "http://my.exotel.com/bench/exoml/start_voice/2");
        environment.put("PLIVO_API_BASE_URL", plivo.baseUrl());
        environment.put("PLIVO_AUTH_ID", SlowPlivo.AUTH_ID);
        environment.put("PLIVO_AUTH_TOKEN", SlowPlivo.AUTH_TOKEN);
        environment.put("PLIVO_CALLER_ID", SlowPlivo.CALLER_ID);
        environment.put("PLIVO_CALLS_PER_SECOND", "20");
        environment.put("PLIVO_CALL_HELD_SECONDS", "9");
        // Enqueueing 1,000 jobs may outlast the Passthru's 6 s on a loaded machine (a 302, the raise then finishing in the
        // background): the row times the calls, so the answer waits for the whole raise.
        environment.put("PASSTHRU_DEADLINE_MS", "60000");
        return environment;
    }

    public Result once(int people) {
        first.forget();
        b.forget();
        plivo.forget();
        long trigger = System.currentTimeMillis();
        stack.passthruIncident("accounts-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), BenchStack.typeFor(people));
        BenchStack.await(people + " call requests", Duration.ofMinutes(5),
                () -> first.connects() + b.connects() + plivo.arrivals().size() >= people);
        List<Long> arrivals = Stream.of(first.arrivals(), b.arrivals(), plivo.arrivals()).flatMap(List::stream).sorted().toList();
        BenchStack.await("the call queue to drain", Duration.ofSeconds(60), stack::callQueueEmpty);
        return new Result(people, first.connects(), b.connects(), plivo.arrivals().size(), arrivals.get(arrivals.size() - 1) - trigger);
    }
}
