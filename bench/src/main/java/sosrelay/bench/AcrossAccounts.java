package sosrelay.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One large fan-out over {@code VOICE_PROVIDERS=exotel,exotel:b,plivo}, each with its own budget at its real limit and
 * real window: each Exotel account's 190 a minute, Plivo's 50 concurrent calls counted over 115 s. When one account's
 * budget is spent the next with room takes the call: the clock stops at the last provider request. Not time-compressed
 * (unlike {@link AtTheLimit}): at a tenth of the window the stack's own pace on a small machine, not the budgets, would
 * decide the time.
 */
public final class AcrossAccounts {
    /**
     * @param passthru the Passthru's answer: 200, or 302 when enqueueing every job outlasted its deadline (a loaded machine),
     *                 the raise then finishing in the background, as on AWS
     * @param last     ms from the trigger to the last request, whichever provider it went to
     */
    public record Result(int people, int passthru, int first, int b, int plivo, double last) {
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
        return environment;
    }

    public Result once(int people) {
        first.forget();
        b.forget();
        plivo.forget();
        long trigger = System.currentTimeMillis();
        int passthru = stack.passthru("accounts-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), BenchStack.typeFor(people));
        BenchStack.await(people + " call requests", Duration.ofMinutes(5),
                () -> first.connects() + b.connects() + plivo.arrivals().size() >= people);
        List<Long> arrivals = Stream.of(first.arrivals(), b.arrivals(), plivo.arrivals()).flatMap(List::stream).sorted().toList();
        BenchStack.await("the call queue to drain", Duration.ofSeconds(60), stack::callQueueEmpty);
        return new Result(people, passthru, first.connects(), b.connects(), plivo.arrivals().size(),
                arrivals.get(arrivals.size() - 1) - trigger);
    }
}
